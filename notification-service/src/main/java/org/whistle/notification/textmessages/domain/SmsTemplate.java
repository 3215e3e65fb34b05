package org.whistle.notification.textmessages.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A template approved by an SMS provider, registered under the name of one of Whistle's message kinds (the delivery's
 * template, such as {@code whistle-routed.FILED} or {@code whistle-supervised.ORDER}). Providers send only approved
 * templates, so the text goes in as the template's variables.
 *
 * @param code the provider's template code or id ({@code SMS_…} at Alibaba Cloud, a number at Tencent Cloud)
 * @param parameters the template's variables in the template's order: the variable's name (Alibaba Cloud, WeChat's
 *     {@code thing1} …) or position (Tencent Cloud, whose {@code {1}}, {@code {2}} go in this order) to what fills it,
 *     {@code title} or {@code text}, optionally cut to at most so many characters ({@code text:20}, ending in …) for
 *     variables the provider bounds (WeChat's {@code thing} takes 20)
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
        parameters.values().forEach(SmsTemplate::maxLength);
    }

    /** The variables filled in, in the template's order. */
    public Map<String, String> fill(String title, String text) {
        var filled = new LinkedHashMap<String, String>();
        parameters.forEach((name, source) -> {
            var value = source(source) == Source.TITLE ? title : text;
            filled.put(name, cut(value, maxLength(source)));
        });
        return filled;
    }

    private static Source source(String value) {
        var name = value.split(":", 2)[0];
        try {
            return Source.valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("an SMS template variable is filled by title or text, not " + value);
        }
    }

    /** The bound after {@code :}, in characters (code points); none without one. */
    private static int maxLength(String value) {
        var parts = value.split(":", 2);
        if (parts.length == 1) {
            return Integer.MAX_VALUE;
        }
        try {
            int max = Integer.parseInt(parts[1].trim());
            if (max < 2) {
                throw new NumberFormatException();
            }
            return max;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a template variable's bound is a number of at least 2, not " + value);
        }
    }

    /** Cut by code points, so no character is split; the last one kept becomes … to show that the text goes on. */
    private static String cut(String value, int max) {
        if (value.codePointCount(0, value.length()) <= max) {
            return value;
        }
        return value.substring(0, value.offsetByCodePoints(0, max - 1)) + "…";
    }
}
