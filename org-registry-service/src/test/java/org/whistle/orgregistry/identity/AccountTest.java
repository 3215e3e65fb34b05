package org.whistle.orgregistry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.whistle.orgregistry.identity.domain.Account;
import org.whistle.orgregistry.identity.domain.AccountId;
import org.whistle.orgregistry.identity.domain.AccountRules;
import org.whistle.orgregistry.identity.domain.LoginCheck;
import org.whistle.orgregistry.identity.domain.Phone;
import org.whistle.orgregistry.identity.domain.Profile;
import org.whistle.security.Role;

class AccountTest {

    private static final Instant NOW = Instant.parse("2025-03-01T08:00:00Z");

    private final Account account = Account.open(
            AccountId.random(),
            "gn.grid.lishuxia",
            new Profile("李淑霞", new Phone("13812345678"), List.of(Role.GRID_WORKER), List.of(), null, List.of()));

    @Test
    void refusesDisabledAndLockedAccounts() {
        assertThat(account.disable().checkLogin(NOW)).isEqualTo(new LoginCheck.Rejected(LoginCheck.Reason.DISABLED));
        assertThat(account.lock().checkLogin(NOW)).isEqualTo(new LoginCheck.Rejected(LoginCheck.Reason.LOCKED));
        assertThat(account.lock().unlock().checkLogin(NOW)).isInstanceOf(LoginCheck.Allowed.class);
    }

    @Test
    void masksPhonesKeepingTheFirstThreeAndLastFourDigits() {
        assertThat(new Phone("13812345678").masked()).isEqualTo("138****5678");
        assertThat(Phone.isValid("12812345678")).isFalse();
        assertThat(Phone.isValid("1381234567")).isFalse();
    }

    @Test
    void wantsPasswordsOfTwelveCharactersOrMore() {
        assertThat(AccountRules.password("elevenchars")).isPresent();
        assertThat(AccountRules.password("twelve chars")).isEmpty();
        assertThat(AccountRules.password("十二个汉字的密码也足够长了吧")).isEmpty();
        assertThat(AccountRules.password("x".repeat(73))).isPresent();
    }

    @Test
    void reservesTheNamesTheApiAndFirstPartyClientsUse() {
        assertThat(AccountRules.username("me")).isPresent();
        assertThat(AccountRules.clientId("whistle-gateway")).isPresent();
        assertThat(AccountRules.username("gn.grid.lishuxia")).isEmpty();
    }
}
