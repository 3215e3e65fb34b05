package org.whistle.orgregistry.identity.domain;

import java.util.regex.Pattern;
import org.whistle.security.personaldata.PersonalData;

/** A mainland mobile number, shown masked ({@code 138****5678}) to everyone but administrators. */
public record Phone(String digits) {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    public Phone {
        if (!isValid(digits)) {
            throw new IllegalArgumentException("not a mainland mobile number");
        }
    }

    public static boolean isValid(String digits) {
        return MOBILE.matcher(digits).matches();
    }

    public String masked() {
        return java.util.Objects.requireNonNull(PersonalData.phone(digits));
    }

    @Override
    public String toString() {
        return masked();
    }
}
