package org.whistle.orgregistry.identity.domain;

/** Whether an account may log in now, and if not, why. */
public sealed interface LoginCheck {

    record Allowed() implements LoginCheck {}

    record Rejected(Reason reason) implements LoginCheck {}

    enum Reason {
        /** An administrator disabled the account: it is out of use. */
        DISABLED,
        /** An administrator locked the account until they unlock it. */
        LOCKED
    }
}
