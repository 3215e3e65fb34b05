package org.whistle.orgreference.domain.catalogue;

import java.util.regex.Pattern;

/** The stable code of a category, as other files and services refer to it: upper-case letters, digits and '-'. */
public record CategoryCode(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,47}");

    public CategoryCode {
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("not a category code: " + value);
        }
    }

    public static boolean isWellFormed(String value) {
        return FORMAT.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
