package org.whistle.testing.architecture.bad.domain;

import org.springframework.util.Assert;

/** A domain class that wrongly reaches for Spring, for the rule to catch. */
public record SpringAwareTicket(String title) {

    public SpringAwareTicket {
        Assert.hasText(title, "a ticket needs a title");
    }
}
