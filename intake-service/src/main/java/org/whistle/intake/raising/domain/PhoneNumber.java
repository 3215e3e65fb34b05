package org.whistle.intake.raising.domain;

import java.util.Optional;
import java.util.regex.Pattern;
import org.whistle.security.personaldata.PersonalData;

/** A mainland China mobile number (1[3-9] and nine digits); only {@link #masked()} may leave intake. */
public record PhoneNumber(String digits) {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    public PhoneNumber {
        if (!MOBILE.matcher(digits).matches()) {
            throw new IllegalArgumentException("not a mainland mobile number");
        }
    }

    /** Accepts the usual ways people write a number: spaces, dashes, a +86 or 0086 prefix. */
    public static Optional<PhoneNumber> parse(String text) {
        var digits = text.replaceAll("[\\s-]", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        }
        return MOBILE.matcher(digits).matches() ? Optional.of(new PhoneNumber(digits)) : Optional.empty();
    }

    /** 138****5678: enough for the reporter to recognise, too little to call. */
    public String masked() {
        return java.util.Objects.requireNonNull(PersonalData.phone(digits));
    }

    @Override
    public String toString() {
        return masked();
    }
}
