package org.whistle.orgregistry.organisation.domain;

import java.util.Set;
import org.whistle.events.CommandLevel;

/** The levels of the administrative tree (design §6), top down. */
public enum NodeKind {
    /** 市. */
    CITY,
    /** 区/县/县级市. */
    DISTRICT,
    /** 街道/乡镇. */
    STREET,
    /** 社区/村. */
    COMMUNITY,
    /** 小区: a residential compound; property companies and owners' committees attach here. */
    COMPOUND,
    /** 网格: the smallest area of responsibility; carries a boundary polygon. */
    GRID,
    /** 楼栋. */
    BUILDING,
    /** 单元: an entrance of a building. */
    ENTRANCE;

    /** The kinds a node of this kind may sit directly under; a grid may cover a compound or part of a community. */
    public Set<NodeKind> allowedParents() {
        return switch (this) {
            case CITY -> Set.of();
            case DISTRICT -> Set.of(CITY);
            case STREET -> Set.of(DISTRICT);
            case COMMUNITY -> Set.of(STREET);
            case COMPOUND -> Set.of(COMMUNITY);
            case GRID -> Set.of(COMPOUND, COMMUNITY);
            case BUILDING -> Set.of(GRID, COMPOUND);
            case ENTRANCE -> Set.of(BUILDING);
        };
    }

    /** The command level whose centre answers for a node of this kind: the street's for everything below it. */
    public CommandLevel commandLevel() {
        return switch (this) {
            case CITY -> CommandLevel.CITY;
            case DISTRICT -> CommandLevel.DISTRICT;
            default -> CommandLevel.STREET;
        };
    }
}
