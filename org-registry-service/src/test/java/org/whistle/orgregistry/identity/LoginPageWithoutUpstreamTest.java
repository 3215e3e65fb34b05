package org.whistle.orgregistry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Without an identity platform configured (the default), the login page offers passwords only. */
class LoginPageWithoutUpstreamTest extends IdentityTest {

    @Test
    void offersNoUpstreamSignInAndTheUpstreamPathsAreNotThere() {
        var page = browser().get("/login", "Accept-Language", "zh-CN");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("用户名").doesNotContain("统一身份认证").doesNotContain("oauth2/upstream");
        var start = browser().get("/oauth2/upstream/city", "Accept", "text/html");
        assertThat(start.statusCode())
                .as("not signed in: to the login page, not to any platform")
                .isEqualTo(302);
        assertThat(Browser.location(start)).endsWith("/login");
    }
}
