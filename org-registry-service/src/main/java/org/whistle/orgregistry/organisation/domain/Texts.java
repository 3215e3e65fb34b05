package org.whistle.orgregistry.organisation.domain;

import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.whistle.orgregistry.bounds.TextBounds;
import org.whistle.problems.Violation;

/** Checks shared by the organisation's names and contacts. */
final class Texts {

    /** Mainland mobile numbers, or landlines with area code (0452-2345678), the forms duty desks publish. */
    private static final Pattern PHONE = Pattern.compile("1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8}");

    private Texts() {}

    static void checkName(@Nullable String name, String field, List<Violation> violations) {
        if (name == null || name.isBlank()) {
            violations.add(new Violation(field, "is required"));
        } else {
            TextBounds.name(name, field, TextBounds.NAME, violations);
        }
    }

    static void checkNameEn(@Nullable String nameEn, List<Violation> violations) {
        TextBounds.name(nameEn, "nameEn", TextBounds.NAME_EN, violations);
    }

    /**
     * A code another record names: at most {@link TextBounds#CODE} characters. Messages quote it through
     * {@link #quoted}, so an over-long one is not echoed back whole.
     */
    static void checkReference(@Nullable String code, String field, List<Violation> violations) {
        TextBounds.length(code, field, TextBounds.CODE, violations);
    }

    static String quoted(@Nullable String code) {
        return code == null || code.length() <= TextBounds.CODE ? String.valueOf(code) : code.substring(0, 20) + "…";
    }

    static void checkPhone(@Nullable String phone, String field, List<Violation> violations) {
        if (phone != null && (phone.length() > 20 || !PHONE.matcher(phone).matches())) {
            violations.add(new Violation(field, "must be a mainland mobile (13812345678) or landline (0452-2345678)"));
        }
    }
}
