package org.whistle.members.reporting.domain;

/** Who serves: the three kinds the compound treats apart (MEMBERS.md §1). */
public enum MemberKind {
    /** 在职党员: belongs to a workplace party organisation and reports where they live (双报到). */
    IN_SERVICE("在职党员"),
    /** 社区党员: belongs to the community's own organisation. */
    COMMUNITY("社区党员"),
    /** 志愿者: not a party member; the same ledger, shown apart from party points. */
    VOLUNTEER("志愿者");

    private final String label;

    MemberKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
