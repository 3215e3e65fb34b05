package org.whistle.orgregistry.identity.domain;

/** The community posts a person can hold on a node (docs/org-data-formats.md). */
public enum PostKind {
    /** 网格长. */
    GRID_LEADER,
    /** 网格员. */
    GRID_WORKER,
    /** 小区党支部书记. */
    COMPOUND_PARTY_SECRETARY,
    /** 业委会党支部书记. */
    OWNERS_COMMITTEE_PARTY_SECRETARY,
    /** 业委会主任. */
    OWNERS_COMMITTEE_CHAIR,
    /** 党员中心户. */
    PARTY_MEMBER_HOUSEHOLD_HEAD,
    /** 社区书记. */
    COMMUNITY_SECRETARY
}
