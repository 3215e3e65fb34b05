package org.whistle.orgregistry.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.whistle.orgregistry.identity.domain.Account;
import org.whistle.orgregistry.identity.domain.AccountId;
import org.whistle.orgregistry.identity.domain.Profile;
import org.whistle.orgregistry.identity.domain.UpstreamIdentity;
import org.whistle.orgregistry.identity.domain.UpstreamSignInPolicy;
import org.whistle.orgregistry.identity.domain.UpstreamSignInPolicy.Decision;
import org.whistle.orgregistry.identity.domain.UpstreamSignInPolicy.Refusal;
import org.whistle.security.Role;

class UpstreamSignInPolicyTest {

    private static final Instant NOW = Instant.parse("2026-12-08T01:00:00Z");
    private static final UpstreamIdentity ZHANG = new UpstreamIdentity("https://id.qqhr.gov.cn", "310-0005");
    private static final UpstreamIdentity SOMEONE_ELSE = new UpstreamIdentity("https://id.qqhr.gov.cn", "310-0006");

    private final Account sun = account("gn.street.sunhongwei");
    private final Account liu = account("gn.county.liuyan");

    @Test
    void aLinkedIdentitySignsInItsAccountWhateverTheClaimNames() {
        assertThat(UpstreamSignInPolicy.decide(Optional.of(sun), liu, Optional.empty(), ZHANG, NOW))
                .isEqualTo(new Decision.SignIn(sun, false));
        assertThat(UpstreamSignInPolicy.decide(Optional.of(sun), null, Optional.empty(), ZHANG, NOW))
                .isEqualTo(new Decision.SignIn(sun, false));
    }

    @Test
    void aFirstSignInLinksThePreRegisteredAccountTheClaimNames() {
        assertThat(UpstreamSignInPolicy.decide(Optional.empty(), sun, Optional.empty(), ZHANG, NOW))
                .isEqualTo(new Decision.SignIn(sun, true));
    }

    @Test
    void opensNoAccountAndTakesNoneLinkedToSomeoneElse() {
        assertThat(UpstreamSignInPolicy.decide(Optional.empty(), null, Optional.empty(), ZHANG, NOW))
                .isEqualTo(new Decision.Refused(Refusal.NOT_REGISTERED));
        assertThat(UpstreamSignInPolicy.decide(Optional.empty(), sun, Optional.of(SOMEONE_ELSE), ZHANG, NOW))
                .isEqualTo(new Decision.Refused(Refusal.LINKED_TO_ANOTHER));
    }

    @Test
    void refusesDisabledAndLockedAccountsLinkedOrNot() {
        assertThat(UpstreamSignInPolicy.decide(Optional.of(sun.disable()), null, Optional.empty(), ZHANG, NOW))
                .isEqualTo(new Decision.Refused(Refusal.DISABLED));
        assertThat(UpstreamSignInPolicy.decide(Optional.empty(), sun.lock(), Optional.empty(), ZHANG, NOW))
                .isEqualTo(new Decision.Refused(Refusal.LOCKED));
    }

    @Test
    void boundsTheIdentityAsStored() {
        assertThatThrownBy(() -> new UpstreamIdentity("https://id.qqhr.gov.cn", "x".repeat(256)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UpstreamIdentity("", "310-0005")).isInstanceOf(IllegalArgumentException.class);
    }

    private static Account account(String username) {
        return Account.open(
                AccountId.random(),
                username,
                new Profile("孙宏伟", null, List.of(Role.STREET_DISPATCHER), List.of("230225100"), null, List.of()));
    }
}
