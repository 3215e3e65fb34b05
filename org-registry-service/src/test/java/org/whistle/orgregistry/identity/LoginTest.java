package org.whistle.orgregistry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.whistle.testing.AccessLogCapture;

class LoginTest extends IdentityTest {

    static final String PASSWORD = "a long enough password";

    @Autowired
    ManagingAccounts accounts;

    @Test
    void answersAWrongPasswordTheSameForAnAccountAnUnknownNameAndALockedOrDisabledAccount() {
        open("same.answer");
        open("same.disabled");
        open("same.locked");
        accounts.disable("same.disabled");
        accounts.lock("same.locked");

        for (var name : List.of("same.answer", "same.nobody", "same.disabled", "same.locked")) {
            assertThat(browser().logIn(name, "wrong password 1")).as(name).endsWith("/login?error=bad-credentials");
        }
    }

    @Test
    void takesAsLongForAnUnknownNameAsForAWrongPassword() {
        open("timing.known");
        open("timing.disabled");
        accounts.disable("timing.disabled");
        // Warm up, then alternate, each attempt from an address of its own so that no throttle answers instead.
        browser().logIn("timing.known", "wrong password 0");
        var known = new ArrayList<Long>();
        var unknown = new ArrayList<Long>();
        var disabled = new ArrayList<Long>();
        for (int i = 0; i < 7; i++) {
            known.add(timed(() -> browser().logIn("timing.known", "wrong password x")));
            unknown.add(timed(() -> browser().logIn("timing.nobody" + UUID.randomUUID(), "wrong password x")));
            disabled.add(timed(() -> browser().logIn("timing.disabled", "wrong password x")));
        }

        // Each refusal hashes one password (tens of milliseconds); a path without the hash would take a fraction.
        assertThat(median(unknown)).isBetween(median(known) / 2, median(known) * 2);
        assertThat(median(disabled)).isBetween(median(known) / 2, median(known) * 2);
    }

    @Test
    void aStrangerFailingOnANameCannotKeepItsHolderOut() {
        open("holder.wangfang");
        var stranger = browser();
        var answers = new ArrayList<String>();
        for (int i = 0; i < 20; i++) {
            answers.add(stranger.logIn("holder.wangfang", "guess " + i));
        }

        assertThat(answers.subList(0, 3))
                .allSatisfy(answer -> assertThat(answer).endsWith("error=bad-credentials"));
        assertThat(answers.subList(3, 20))
                .allSatisfy(answer -> assertThat(answer).contains("error=throttled"));
        assertThat(browser().logIn("holder.wangfang", PASSWORD))
                .as("the holder, from their own address, at once")
                .doesNotContain("error");
    }

    @Test
    void slowsGuessesOnOneNameFromAFailingAddressWithAShortGrowingCappedDelay() {
        open("delay.known");
        var known = browser();
        var unknown = browser();

        for (int i = 0; i < 3; i++) {
            known.logIn("delay.known", "guess " + i);
            unknown.logIn("delay.nobody", "guess " + i);
        }
        var waits = new ArrayList<String>();
        for (var seconds : List.of(1, 2, 4, 8, 16, 30, 30)) {
            var answer = known.logIn("delay.known", "guess");
            assertThat(unknown.logIn("delay.nobody", "guess"))
                    .as("a name no account holds is slowed down alike")
                    .isEqualTo(answer);
            waits.add(answer);
            clock.advance(Duration.ofSeconds(seconds));
            known.logIn("delay.known", "guess");
            unknown.logIn("delay.nobody", "guess");
        }

        assertThat(waits)
                .extracting(answer -> answer.replaceAll(".*wait=(\\d+).*", "$1"))
                .containsExactly("1", "2", "4", "8", "16", "30", "30");
        clock.advance(Duration.ofSeconds(30));
        assertThat(known.logIn("delay.known", PASSWORD)).doesNotContain("error");
    }

    @Test
    void slowsDownAnAddressThatKeepsFailingEvenForTheRightPassword() {
        open("address.right");
        var address = browser();
        for (int i = 0; i < 10; i++) {
            assertThat(address.logIn("address.name" + i, "guess")).endsWith("error=bad-credentials");
        }

        assertThat(address.logIn("address.right", PASSWORD)).endsWith("/login?error=throttled&wait=1");

        clock.advance(Duration.ofSeconds(1));
        assertThat(address.logIn("address.name-again", "guess")).endsWith("error=bad-credentials");
        assertThat(address.logIn("address.right", PASSWORD)).endsWith("/login?error=throttled&wait=2");
        assertThat(browser().logIn("address.right", PASSWORD))
                .as("the same account from another address")
                .doesNotContain("error");
        clock.advance(Duration.ofSeconds(2));
        assertThat(address.logIn("address.right", PASSWORD)).doesNotContain("error");
    }

    @Test
    void logsFailedAndThrottledSignInsWithTheAddressButNeverThePassword() {
        open("audited.sign-in");
        var log = AccessLogCapture.start();
        var browser = browser();
        try {
            for (int i = 0; i < 4; i++) {
                browser.logIn("audited.sign-in", "secret guess " + i);
            }
            browser.logIn("correct horse battery staple", "secret guess 5");
        } finally {
            log.close();
        }

        var entries = log.about("sign-in", "audited.sign-in");
        assertThat(entries)
                .extracting(entry -> entry.path("rule").asString())
                .containsExactly("bad-credentials", "bad-credentials", "bad-credentials", "throttled-account");
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.path("outcome").asString()).isEqualTo("DENIED");
            assertThat(entry.toString()).contains("address:10.");
        });
        assertThat(log.about("sign-in", "(not a username)")).hasSize(1);
        assertThat(String.join("\n", log.lines()))
                .doesNotContain("secret guess")
                .doesNotContain("correct horse");
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
    void explainsTheWaitInChineseByDefaultAndInEnglishOnRequest() {
        var chinese = browser().get("/login?error=throttled&wait=8");
        var english = browser().get("/login?error=throttled&wait=8", "Accept-Language", "en-GB,en;q=0.9,zh;q=0.5");
        var chosen = browser().get("/login?error=bad-credentials&lang=en", "Accept-Language", "zh-CN");

        assertThat(chinese.body()).contains("lang=\"zh-CN\"").contains("请 8 秒后再试");
        assertThat(english.body()).contains("lang=\"en\"").contains("Try again in 8 seconds");
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

    private static long timed(Runnable attempt) {
        var started = System.nanoTime();
        attempt.run();
        return System.nanoTime() - started;
    }

    private static long median(List<Long> nanos) {
        return nanos.stream().sorted().toList().get(nanos.size() / 2);
    }

    private void open(String username) {
        accounts.open(new AccountInput(
                username, PASSWORD, "王芳", null, List.of("STREET_DISPATCHER"), List.of(STREET), null, null));
    }
}
