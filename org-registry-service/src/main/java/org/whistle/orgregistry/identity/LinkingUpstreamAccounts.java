package org.whistle.orgregistry.identity;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.whistle.orgregistry.audit.AuditLog;
import org.whistle.orgregistry.identity.domain.AccountRules;
import org.whistle.orgregistry.identity.domain.UpstreamIdentity;
import org.whistle.orgregistry.identity.domain.UpstreamLink;
import org.whistle.orgregistry.identity.domain.UpstreamSignInPolicy;
import org.whistle.orgregistry.identity.domain.UpstreamSignInPolicy.Decision;
import org.whistle.problems.NotFoundException;

/**
 * Accounts and the city's identity platform (ADR 0047): which account an upstream sign-in becomes, linking it on the
 * first sign-in ({@link UpstreamSignInPolicy}), and administrators seeing and removing links. Every link and unlink
 * is an audit entry holding the issuer and subject only; refusals are access-log lines ({@link UpstreamSignIn}).
 */
@Service
public class LinkingUpstreamAccounts {

    static final String LINKED = "account.upstream-linked";
    static final String UNLINKED = "account.upstream-unlinked";

    private final Accounts accounts;
    private final UpstreamLinks links;
    private final AuditLog audit;
    private final Clock clock;

    LinkingUpstreamAccounts(Accounts accounts, UpstreamLinks links, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.links = links;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Decides who signs in for an upstream identity whose configured claim holds {@code claimed} (null when the
     * upstream did not send it), and links them on a first sign-in.
     */
    @Transactional
    Decision signIn(UpstreamIdentity identity, @Nullable String claimed) {
        var linked = links.account(identity).flatMap(accounts::find);
        // A claim that cannot be a username names no account; it is not looked up.
        var named = linked.isPresent()
                        || claimed == null
                        || AccountRules.username(claimed).isPresent()
                ? null
                : accounts.find(claimed).orElse(null);
        var namedLink = named == null
                ? Optional.<UpstreamIdentity>empty()
                : links.of(named.username()).map(UpstreamLink::identity);
        var decision = UpstreamSignInPolicy.decide(linked, named, namedLink, identity, clock.instant());
        if (decision instanceof Decision.SignIn signIn && signIn.link()) {
            if (!links.link(signIn.account().id(), identity, clock.instant())) {
                // Another first sign-in linked the account or the identity meanwhile: decide again on what is stored.
                return UpstreamSignInPolicy.decide(
                        links.account(identity).flatMap(accounts::find),
                        named,
                        links.of(signIn.account().username()).map(UpstreamLink::identity),
                        identity,
                        clock.instant());
            }
            audit.record(
                    signIn.account().username(),
                    LINKED,
                    ManagingAccounts.SUBJECT,
                    signIn.account().username(),
                    null,
                    state(identity));
        }
        return decision;
    }

    public List<UpstreamLink> list() {
        return links.all();
    }

    /** Removes the account's link; its next upstream sign-in links by the claim again. */
    @Transactional
    public void unlink(String username) {
        var account =
                accounts.find(username).orElseThrow(() -> new NotFoundException(ManagingAccounts.SUBJECT, username));
        var link = links.of(username).orElseThrow(() -> new NotFoundException("upstream link", username));
        links.unlink(account.id());
        audit.record(UNLINKED, ManagingAccounts.SUBJECT, username, state(link.identity()), null);
    }

    private static Map<String, String> state(UpstreamIdentity identity) {
        return Map.of("issuer", identity.issuer(), "subject", identity.subject());
    }
}
