package org.whistle.gateway.signin;

import org.jspecify.annotations.Nullable;

/**
 * Where a person goes after signing in. Only a path on this site is accepted, so a crafted login link cannot send
 * a freshly signed-in person to another site (an open redirect).
 */
record ReturnPath(String value) {

    static final ReturnPath HOME = new ReturnPath("/");
    private static final int MAX_LENGTH = 512;

    static ReturnPath from(@Nullable String requested) {
        if (requested == null
                || requested.isEmpty()
                || requested.length() > MAX_LENGTH
                || requested.charAt(0) != '/'
                || requested.startsWith("//")
                || requested.startsWith("/\\")
                || requested.chars().anyMatch(c -> c == '\\' || Character.isISOControl(c) || c == ' ')) {
            return HOME;
        }
        return new ReturnPath(requested);
    }
}
