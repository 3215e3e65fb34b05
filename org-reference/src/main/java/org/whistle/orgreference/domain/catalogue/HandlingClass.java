package org.whistle.orgreference.domain.catalogue;

/** Which default resolve deadline (办结) a category falls under (design §5). */
public enum HandlingClass {
    /** 2 hours: danger to people or property. */
    EMERGENCY,
    /** 24 hours: water, power, heating, gas. */
    UTILITIES,
    /** 7 days: most neighbourhood problems. */
    GENERAL,
    /** 15 days: several departments or lengthy work. */
    COMPLEX
}
