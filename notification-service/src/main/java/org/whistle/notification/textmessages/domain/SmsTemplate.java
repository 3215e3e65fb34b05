package org.whistle.notification.textmessages.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A template approved by an SMS provider, registered under the name of one of Whistle's message kinds (the delivery's
 * template, such as {@code whistle-routed.FILED} or {@code whistle-supervised.ORDER}). Providers send only approved
 * templates, so the text goes in as the template's variables.
 *
 * @param code the provider's template code or id ({@code SMS_…} at Alibaba Cloud, a number at Tencent Cloud)
 * @param parameters the template's variables in the template's order: the variable's name (Alibaba Cloud) or position
 *     (Tencent Cloud, whose {@code {1}}, {@code {2}} go in this order) to what fills it, {@code title} or {@code text}
 */
public record SmsTemplate(String code, Map<String, String> parameters) {

    /** What may fill a variable. */
    public enum Source {
        TITLE,
        TEXT
    }

    public SmsTemplate {
        if (code.isBlank()) {
            throw new IllegalArgumentException("an SMS template needs the provider's template code");
        }
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        parameters.values().forEach(SmsTemplate::source);
    }

    /** The variables filled in, in the template's order. */
    public Map<String, String> fill(String title, String text) {
        var filled = new LinkedHashMap<String, String>();
        parameters.forEach((name, source) -> filled.put(name, source(source) == Source.TITLE ? title : text));
        return filled;
    }

    private static Source source(String value) {
        try {
            return Source.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("an SMS template variable is filled by title or text, not " + value);
        }
    }
}
