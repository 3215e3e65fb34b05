package org.whistle.orgregistry.access;

import org.jspecify.annotations.Nullable;

/** How personal data looks to those who need not see it: 138****5678, 李**. */
public final class Masking {

    private Masking() {}

    public static @Nullable String phone(@Nullable String phone) {
        if (phone == null || phone.length() < 7) {
            return phone == null ? null : "****";
        }
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }

    public static @Nullable String name(@Nullable String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        return name.codePoints()
                .limit(1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .append("*".repeat(Math.max(1, name.codePointCount(0, name.length()) - 1)))
                .toString();
    }
}
