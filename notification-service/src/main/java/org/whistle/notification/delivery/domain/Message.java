package org.whistle.notification.delivery.domain;

import java.util.Map;

/**
 * What a recipient reads: a title and a body for inbox, stream and SMS, the template a provider renders and its
 * parameters (template messages never carry free text the provider has not approved).
 */
public record Message(String template, String title, String body, Map<String, String> parameters) {

    public Message {
        parameters = Map.copyOf(parameters);
    }
}
