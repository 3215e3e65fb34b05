package org.whistle.security.personaldata;

import org.jspecify.annotations.Nullable;

/** How much of a person's contact (name and phone) one caller is shown. */
public enum Disclosure {
    /** As held: the caller needs it to reach the person. */
    FULL,
    /** 138****5678, 张*兰: the caller may know that there is someone, not who. */
    MASKED,
    /** Left out altogether. */
    NONE;

    public @Nullable String phone(@Nullable String phone) {
        return switch (this) {
            case FULL -> phone;
            case MASKED -> PersonalData.phone(phone);
            case NONE -> null;
        };
    }

    public @Nullable String name(@Nullable String name) {
        return switch (this) {
            case FULL -> name;
            case MASKED -> PersonalData.name(name);
            case NONE -> null;
        };
    }

    /**
     * Free text the caller may read in any case (a description, a timeline note): phones written into it are shown
     * only to those who see the contact in full.
     */
    public @Nullable String text(@Nullable String text) {
        return this == FULL ? text : PersonalData.phonesIn(text);
    }
}
