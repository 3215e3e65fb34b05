package org.whistle.testing.architecture.good.domain;

import java.util.Objects;

/** A domain class with no framework in sight. */
public record PlainTicket(String title) {

    public PlainTicket {
        Objects.requireNonNull(title, "a ticket needs a title");
    }
}
