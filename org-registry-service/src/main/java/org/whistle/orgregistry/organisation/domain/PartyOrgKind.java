package org.whistle.orgregistry.organisation.domain;

import java.util.Optional;

/** The party organisations overlaying the tree: 小区党组织 → 网格党支部 → 楼栋党员中心户. */
public enum PartyOrgKind {
    /** 小区党组织, on a compound (or a community where it has no compounds). */
    COMPOUND_PARTY_ORG,
    /** 网格党支部, on a grid. */
    GRID_PARTY_BRANCH,
    /** 楼栋党员中心户, on a building. */
    PARTY_MEMBER_HOUSEHOLD;

    public boolean mayAttachTo(NodeKind node) {
        return switch (this) {
            case COMPOUND_PARTY_ORG -> node == NodeKind.COMPOUND || node == NodeKind.COMMUNITY;
            case GRID_PARTY_BRANCH -> node == NodeKind.GRID;
            case PARTY_MEMBER_HOUSEHOLD -> node == NodeKind.BUILDING;
        };
    }

    /** The kind this one reports to, empty at the top of the overlay. */
    public Optional<PartyOrgKind> parentKind() {
        return switch (this) {
            case COMPOUND_PARTY_ORG -> Optional.empty();
            case GRID_PARTY_BRANCH -> Optional.of(COMPOUND_PARTY_ORG);
            case PARTY_MEMBER_HOUSEHOLD -> Optional.of(GRID_PARTY_BRANCH);
        };
    }
}
