package org.whistle.members.disclosure.domain;

/** The grades of the branch's year-end 评议, in the order a workplace's appraisal reads them. */
public enum ReviewGrade {
    EXCELLENT("优秀"),
    COMPETENT("合格"),
    BASIC("基本合格"),
    INCOMPETENT("不合格");

    private final String label;

    ReviewGrade(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
