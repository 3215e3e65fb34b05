package org.whistle.security;

/**
 * What a person or system may do (design §7). Tokens carry roles in the {@code roles} claim; services grant
 * {@code ROLE_<name>} authorities from it. Where an account acts is its org scope, not its role.
 */
public enum Role {
    /** 居民: raises whistles and follows their own. */
    RESIDENT,
    /** 网格员: raises whistles in their grid, first responder on the ground. */
    GRID_WORKER,
    /** 党员: raises whistles and reports in as a party member. */
    PARTY_MEMBER,
    /** 社区工作人员: community committee staff. */
    COMMUNITY_STAFF,
    /** 街道/乡镇指挥中心调度员. */
    STREET_DISPATCHER,
    /** 县区指挥中心调度员. */
    DISTRICT_DISPATCHER,
    /** 市指挥中心调度员. */
    CITY_DISPATCHER,
    /** 部门工作人员: handles the summons of their unit. */
    DEPARTMENT_OFFICER,
    /** 部门负责人: receives supervision orders for their unit. */
    DEPARTMENT_LEADER,
    /** 物业工作人员. */
    PROPERTY_STAFF,
    /** 领导: read-only dashboards. */
    LEADER,
    /** 系统管理员: maintains organisation data and accounts. */
    ADMINISTRATOR,
    /**
     * Another Whistle service acting for itself through client credentials (notification-service reading a
     * reporter's contact from intake); never a person's role.
     */
    SERVICE
}
