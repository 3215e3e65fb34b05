package org.whistle.orgregistry.identity.domain;

import java.util.UUID;

/** Identifies an account for good; the username is what people type. */
public record AccountId(UUID value) {

    public static AccountId random() {
        return new AccountId(UUID.randomUUID());
    }
}
