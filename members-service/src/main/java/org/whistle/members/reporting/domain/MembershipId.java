package org.whistle.members.reporting.domain;

import java.util.UUID;

/** A membership, the member's one report-in record across compounds. */
public record MembershipId(UUID value) {

    public static MembershipId newId() {
        return new MembershipId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
