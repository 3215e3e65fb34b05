package org.whistle.orgregistry.identity.domain;

/**
 * A person as the city's identity platform knows them: its issuer and the subject it gave them, which OpenID Connect
 * says together never change nor name anyone else. Claims such as a username may change upstream; this does not.
 */
public record UpstreamIdentity(String issuer, String subject) {

    /** The longest issuer URL and subject stored (OIDC bounds the subject at 255 ASCII characters). */
    public static final int MAX_ISSUER = 500;

    public static final int MAX_SUBJECT = 255;

    public UpstreamIdentity {
        if (issuer.isBlank() || issuer.length() > MAX_ISSUER) {
            throw new IllegalArgumentException("an issuer is 1 to " + MAX_ISSUER + " characters");
        }
        if (subject.isBlank() || subject.length() > MAX_SUBJECT) {
            throw new IllegalArgumentException("a subject is 1 to " + MAX_SUBJECT + " characters");
        }
    }
}
