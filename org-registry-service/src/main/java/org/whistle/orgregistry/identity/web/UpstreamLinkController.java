package org.whistle.orgregistry.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.orgregistry.access.Callers;
import org.whistle.orgregistry.identity.LinkingUpstreamAccounts;
import org.whistle.orgregistry.identity.domain.UpstreamLink;
import org.whistle.security.personaldata.AccessDecisions;

/**
 * Which accounts sign in through the city's identity platform, and removing such a link (ADR 0047): administrators
 * only. A removed link is made again, by the configured claim, at the account's next upstream sign-in; to keep someone
 * out, disable or lock the account.
 */
@RestController
@RequestMapping("/api/org/upstream-links")
@PreAuthorize("hasRole('ADMINISTRATOR')")
@Tag(name = "users", description = "Accounts, roles, org scope and posts")
class UpstreamLinkController {

    static final String LINK = "upstream-link";

    private final LinkingUpstreamAccounts links;
    private final AccessDecisions decisions;

    UpstreamLinkController(LinkingUpstreamAccounts links, AccessDecisions decisions) {
        this.links = links;
        this.decisions = decisions;
    }

    /** An account linked to an identity of the city's identity platform: its issuer and subject there. */
    record UpstreamLinkView(String username, String issuer, String subject, Instant linkedAt) {

        static UpstreamLinkView of(UpstreamLink link) {
            return new UpstreamLinkView(
                    link.username(), link.identity().issuer(), link.identity().subject(), link.linkedAt());
        }
    }

    @GetMapping
    @Operation(summary = "Accounts linked to the city's identity platform, by username")
    List<UpstreamLinkView> list(Authentication caller) {
        var found = links.list();
        decisions
                .about(LINK, null, "list")
                .by(Callers.of(caller))
                .items(found.size())
                .allowed("administrator");
        return found.stream().map(UpstreamLinkView::of).toList();
    }

    @DeleteMapping("/{username}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Unlink an account from the city's identity platform; its next sign-in there links again")
    void unlink(@PathVariable String username, Authentication caller) {
        links.unlink(username);
        decisions.about(LINK, username, "unlink").by(Callers.of(caller)).allowed("administrator");
    }
}
