package org.whistle.orgregistry.organisation.domain;

import java.util.Set;

/** What a handling unit is, and which kinds of node it may be responsible for. */
public enum UnitKind {
    /** 指挥中心 of a city, district or street: owns tickets at its command level. */
    COMMAND_CENTRE,
    /** 职能部门: a city or district bureau (住建局, 城管局 …). */
    DEPARTMENT,
    /** A department's sub-section (e.g. 路政股); always under a department. */
    SECTION,
    /** 街道办事处 / 乡镇政府. */
    STREET_OFFICE,
    /** 居委会 / 村委会. */
    COMMUNITY_COMMITTEE,
    /** 物业公司, attached to a compound. */
    PROPERTY_COMPANY,
    /** 业委会, attached to a compound. */
    OWNERS_COMMITTEE,
    /** 供水 / 供电 / 供热 / 燃气. */
    UTILITY,
    /** 消防救援. */
    FIRE_BRIGADE;

    public Set<NodeKind> allowedAreas() {
        return switch (this) {
            case COMMAND_CENTRE, UTILITY, FIRE_BRIGADE -> Set.of(NodeKind.CITY, NodeKind.DISTRICT, NodeKind.STREET);
            case DEPARTMENT, SECTION -> Set.of(NodeKind.CITY, NodeKind.DISTRICT);
            case STREET_OFFICE -> Set.of(NodeKind.STREET);
            case COMMUNITY_COMMITTEE -> Set.of(NodeKind.COMMUNITY);
            case PROPERTY_COMPANY, OWNERS_COMMITTEE -> Set.of(NodeKind.COMPOUND);
        };
    }

    /** Whether a unit of this kind must sit under a parent unit (a section under its department). */
    public boolean needsParentUnit() {
        return this == SECTION;
    }
}
