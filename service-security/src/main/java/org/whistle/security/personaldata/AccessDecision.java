package org.whistle.security.personaldata;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.whistle.security.Caller;

/**
 * One decision on personal data, as {@code whistle.access} records it: who asked, for what, when, how it ended and by
 * which rule. It names people only by account (subject), never by name, and holds no phone, description or token.
 *
 * @param requestId the gateway's {@code X-Request-Id} when the request carried a well-formed one
 * @param resource what kind of record ({@code whistle}, {@code ticket}, {@code account} …)
 * @param resourceId which one, when the request named one
 * @param action what the caller did ({@code read}, {@code rate}, {@code list} …)
 * @param rule the check that decided, by a stable name ({@code owning-centre}, {@code not-in-scope} …)
 * @param disclosed the personal fields the answer carries and how ({@code reporter.phone → MASKED}); empty when
 *     nothing was shown
 * @param items for a list, how many records it held
 */
public record AccessDecision(
        Instant at,
        @Nullable String requestId,
        Accessor who,
        String resource,
        @Nullable String resourceId,
        String action,
        Outcome outcome,
        String rule,
        Map<String, Disclosure> disclosed,
        @Nullable Integer items) {

    public AccessDecision {
        disclosed = Map.copyOf(disclosed);
    }

    /** How the decision ended. */
    public enum Outcome {
        /** The caller got the record (with {@code disclosed} saying how much of the people in it). */
        ALLOWED,
        /** Refused openly: 401 or 403. */
        DENIED,
        /** Refused as if the record did not exist (404), so ids and codes cannot be probed. */
        HIDDEN
    }

    /**
     * Who asked: the token's subject (or {@code anonymous}, or {@code system:<service>} for a service acting on its
     * own), the roles and the unit it acts for.
     */
    public record Accessor(
            String subject, List<String> roles, @Nullable String unit) {

        public static final Accessor ANONYMOUS = new Accessor("anonymous", List.of(), null);

        public Accessor {
            roles = List.copyOf(roles);
        }

        public static Accessor of(@Nullable Caller caller) {
            if (caller == null) {
                return ANONYMOUS;
            }
            return new Accessor(
                    caller.subject(),
                    caller.roles().stream().map(Enum::name).sorted().toList(),
                    caller.unit());
        }

        /** A Whistle service deciding for itself, e.g. to hand a reporter's number to the SMS provider. */
        public static Accessor system(String service) {
            return new Accessor("system:" + service, List.of(), null);
        }
    }

    private static final java.util.regex.Pattern UUID_FORM =
            java.util.regex.Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

    /**
     * Ids come from requests, so they are cut to a sane length, and may be phone numbers (usernames): masked. UUIDs
     * are left alone, their hex may hold eleven digits by chance.
     */
    private static @Nullable String safeId(@Nullable String id) {
        if (id == null || UUID_FORM.matcher(id).matches()) {
            return id;
        }
        var cut = id.length() > 128 ? id.substring(0, 128) + "…" : id;
        return PersonalData.phonesIn(cut);
    }

    /** The entry as one JSON object, fields in a stable order. */
    Map<String, Object> asJson(String service) {
        var entry = new LinkedHashMap<String, Object>();
        entry.put("at", at.toString());
        entry.put("service", service);
        entry.put("requestId", requestId);
        var by = new LinkedHashMap<String, Object>();
        by.put("subject", PersonalData.phonesIn(who.subject()));
        by.put("roles", who.roles());
        by.put("unit", who.unit());
        entry.put("who", by);
        entry.put("resource", resource);
        entry.put("resourceId", safeId(resourceId));
        entry.put("action", action);
        entry.put("outcome", outcome.name());
        entry.put("rule", rule);
        var fields = new java.util.TreeMap<String, String>();
        disclosed.forEach((field, how) -> fields.put(field, how.name()));
        entry.put("disclosed", fields);
        if (items != null) {
            entry.put("items", items);
        }
        return entry;
    }
}
