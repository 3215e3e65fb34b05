package org.whistle.orgregistry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class LoginTest extends IdentityTest {

    static final String PASSWORD = "a long enough password";

    @Autowired
    ManagingAccounts accounts;

    @Test
    void locksAnAccountOutAfterConsecutiveFailuresUntilTheDurationPasses() {
        open("lockout.wangfang");
        var browser = browser();

        assertThat(browser.logIn("lockout.wangfang", "wrong password 1")).endsWith("/login?error=bad-credentials");
        assertThat(browser.logIn("lockout.wangfang", "wrong password 2")).endsWith("/login?error=bad-credentials");
        assertThat(browser.logIn("lockout.wangfang", "wrong password 3")).endsWith("/login?error=locked-out");
        assertThat(browser.logIn("lockout.wangfang", PASSWORD))
                .as("even the right password while locked out")
                .endsWith("/login?error=locked-out");

        clock.advance(Duration.ofMinutes(9));
        assertThat(browser.logIn("lockout.wangfang", PASSWORD)).endsWith("/login?error=locked-out");

        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(browser.logIn("lockout.wangfang", PASSWORD)).doesNotContain("error");
        assertThat(count(
                        "SELECT count(*) FROM audit_entry WHERE action = 'account.locked-out' AND subject_id = ?",
                        "lockout.wangfang"))
                .isOne();
    }

    @Test
    void resetsTheFailureCountOnSuccess() {
        open("lockout.reset");
        var browser = browser();

        browser.logIn("lockout.reset", "wrong password 1");
        browser.logIn("lockout.reset", "wrong password 2");
        assertThat(browser.logIn("lockout.reset", PASSWORD)).doesNotContain("error");
        var fresh = browser();
        fresh.logIn("lockout.reset", "wrong password 3");
        fresh.logIn("lockout.reset", "wrong password 4");

        assertThat(fresh.logIn("lockout.reset", PASSWORD)).doesNotContain("error");
    }

    @Test
    void refusesLockedAndDisabledAccounts() {
        open("login.locked");
        open("login.disabled");
        accounts.lock("login.locked");
        accounts.disable("login.disabled");

        assertThat(browser().logIn("login.locked", PASSWORD)).endsWith("/login?error=locked");
        assertThat(browser().logIn("login.disabled", PASSWORD)).endsWith("/login?error=disabled");

        accounts.unlock("login.locked");
        assertThat(browser().logIn("login.locked", PASSWORD)).doesNotContain("error");
    }

    @Test
    void storesOnlyAHashOfThePassword() {
        open("hashed.zhaolei");

        var hash = jdbc.sql("SELECT password_hash FROM account WHERE username = 'hashed.zhaolei'")
                .query(String.class)
                .single();

        assertThat(hash).startsWith("{bcrypt}").doesNotContain(PASSWORD);
        assertThat(count("SELECT count(*) FROM audit_entry WHERE after_state::text LIKE ?", "%bcrypt%"))
                .isZero();
    }

    @Test
    void explainsALockoutInChineseByDefaultAndInEnglishOnRequest() {
        var chinese = browser().get("/login?error=locked-out");
        var english = browser().get("/login?error=locked-out", "Accept-Language", "en-GB,en;q=0.9,zh;q=0.5");
        var chosen = browser().get("/login?error=bad-credentials&lang=en", "Accept-Language", "zh-CN");

        assertThat(chinese.body())
                .contains("lang=\"zh-CN\"")
                .contains("账号已被临时锁定")
                .contains("10 分钟");
        assertThat(english.body()).contains("lang=\"en\"").contains("the account is locked");
        assertThat(chosen.body()).contains("Wrong username or password");
    }

    @Test
    void allowsItsOwnStyleByHashAndNothingElse() throws Exception {
        var page = browser().get("/login");

        var body = page.body();
        var style = body.substring(body.indexOf("<style>") + "<style>".length(), body.indexOf("</style>"));
        var hash = java.util.Base64.getEncoder()
                .encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(style.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(policy -> assertThat(policy)
                        .startsWith("default-src 'none'")
                        .contains("style-src 'sha256-" + hash + "'")
                        .doesNotContain("unsafe-inline"));
    }

    @Test
    void opensTheBootstrapAdministrator() {
        assertThat(browser().logIn(BootstrapAdministrator.USERNAME, BOOTSTRAP_PASSWORD))
                .doesNotContain("error");
        assertThat(count("SELECT count(*) FROM audit_entry WHERE action = 'account.created' AND subject_id = 'admin'"
                        + " AND actor = 'system'"))
                .isOne();
    }

    private void open(String username) {
        accounts.open(new AccountInput(
                username, PASSWORD, "王芳", null, List.of("STREET_DISPATCHER"), List.of(STREET), null, null));
    }
}
