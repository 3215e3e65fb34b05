package org.whistle.orgregistry.organisation.domain;

import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.whistle.problems.Violation;

/** Checks shared by the organisation's names and contacts. */
final class Texts {

    /** Mainland mobile numbers, or landlines with area code (0452-2345678), the forms duty desks publish. */
    private static final Pattern PHONE = Pattern.compile("1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8}");

    private Texts() {}

    static void checkName(@Nullable String name, String field, List<Violation> violations) {
        if (name == null || name.isBlank()) {
            violations.add(new Violation(field, "is required"));
        } else if (name.length() > 100) {
            violations.add(new Violation(field, "must be at most 100 characters"));
        }
    }

    static void checkPhone(@Nullable String phone, String field, List<Violation> violations) {
        if (phone != null && !PHONE.matcher(phone).matches()) {
            violations.add(new Violation(field, "must be a mainland mobile (13812345678) or landline (0452-2345678)"));
        }
    }
}
