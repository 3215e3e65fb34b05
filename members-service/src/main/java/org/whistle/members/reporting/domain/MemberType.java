package org.whistle.members.reporting.domain;

/** The types a city's rules tell apart (MEMBERS.md §1). */
public enum MemberType {
    BACKBONE("骨干党员"),
    ORDINARY("普通党员"),
    /** 流动党员. */
    MOBILE("流动党员"),
    /** Aged 70+ or ill: may be exempt from duties. */
    SPECIAL("特殊党员");

    private final String label;

    MemberType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
