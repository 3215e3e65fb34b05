package org.whistle.orgregistry.organisation.domain;

import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.whistle.orgregistry.bounds.TextBounds;
import org.whistle.problems.Violation;
import org.whistle.texts.Phrase;

/** Checks shared by the organisation's names and contacts. */
final class Texts {

    /** Mainland mobile numbers, or landlines with area code (0452-2345678), the forms duty desks publish. */
    private static final Pattern PHONE = Pattern.compile("1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8}");

    private Texts() {}

    static void checkName(@Nullable String name, String field, List<Violation> violations) {
        if (name == null || name.isBlank()) {
            violations.add(new Violation(field, Phrase.of("refusal.required")));
        } else {
            TextBounds.name(name, field, TextBounds.NAME, violations);
        }
    }

    static void checkNameEn(@Nullable String nameEn, List<Violation> violations) {
        TextBounds.name(nameEn, "nameEn", TextBounds.NAME_EN, violations);
    }

    /**
     * A code another record names: at most {@link TextBounds#CODE} characters. Refusals do not echo it (ADR 0043):
     * they say what kind of thing was not found.
     */
    static void checkReference(@Nullable String code, String field, List<Violation> violations) {
        TextBounds.length(code, field, TextBounds.CODE, violations);
    }

    /** A node's or unit's kind as people call it (the catalogue's {@code node.*}: 街道乡镇, 职能部门). */
    static Phrase kind(Enum<?> kind) {
        return Phrase.name("node", kind);
    }

    /** Several kinds, for "one of" refusals. */
    static List<Phrase> kinds(java.util.Collection<? extends Enum<?>> kinds) {
        return kinds.stream().map(Texts::kind).toList();
    }

    static void checkPhone(@Nullable String phone, String field, List<Violation> violations) {
        if (phone != null && (phone.length() > 20 || !PHONE.matcher(phone).matches())) {
            violations.add(new Violation(
                    field,
                    Phrase.of("orgregistry.refusal.phone", "mobile", "13812345678", "landline", "0452-2345678")));
        }
    }
}
