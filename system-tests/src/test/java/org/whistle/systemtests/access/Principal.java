package org.whistle.systemtests.access;

/**
 * The matrix's columns: the twelve roles of the design (§7) and the Whistle services' own role, each played by the
 * demo account that holds it and nothing else. Where they act is their account's org scope and unit.
 */
enum Principal {
    RESIDENT("ls.resident.zhangguilan"),
    GRID_WORKER("gn.grid.lishuxia"),
    PARTY_MEMBER("jh.party.zhaoyumei"),
    COMMUNITY_STAFF("gn.community.wangjing"),
    STREET_DISPATCHER("gn.street.sunhongwei"),
    DISTRICT_DISPATCHER("gn.county.liuyan"),
    CITY_DISPATCHER("qq.city.zhoujian"),
    DEPARTMENT_OFFICER("gn.lzg.mahaitao"),
    DEPARTMENT_LEADER("gn.lzg.huangjiye"),
    PROPERTY_STAFF("ls.yongqing.wy.gaofeng"),
    LEADER("qq.leader.yangzhiqiang"),
    ADMINISTRATOR("admin"),
    SERVICE("notification-service");

    final String account;

    Principal(String account) {
        this.account = account;
    }

    /** Whether the principal acts for the whole city, so nothing lies outside its scope. */
    boolean citywide() {
        return switch (this) {
            case CITY_DISPATCHER, LEADER, ADMINISTRATOR, SERVICE -> true;
            default -> false;
        };
    }
}
