package org.whistle.security;

/** Names of the claims Whistle's tokens carry beyond the OIDC standard ones; every service reads these. */
public final class TokenClaims {

    /** The account's roles, e.g. {@code ["STREET_DISPATCHER"]}. */
    public static final String ROLES = "roles";

    /** Codes of the org nodes the account acts for; access covers their subtrees. */
    public static final String ORG_SCOPE = "org_scope";

    /** Code of the handling unit the account acts for, absent for residents. */
    public static final String UNIT = "unit";

    /** The account's display name, masked or not as its holder chose at registration. */
    public static final String NAME = "name";

    /**
     * The open id Whistle's WeChat messages reach a resident on, present only when the resident signed in through
     * WeChat (ADR 0046); intake keeps it with the whistles they raise. Never taken from a request body.
     */
    public static final String WECHAT_OPENID = "wechat_openid";

    private TokenClaims() {}
}
