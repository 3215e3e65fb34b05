package org.whistle.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.whistle.testing.TestIssuer;

/**
 * The loops that replace Spring Security's regular expressions on every request (issue 22) decide exactly as those
 * expressions do: the firewall's header checks and the default bearer-token resolver's.
 */
class RequestChecksTest {

    /** The stock firewall's expressions (StrictHttpFirewall, Spring Security 7). */
    private static final Pattern NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

    private static final Pattern VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void judgesHeaderNamesAndValuesAsTheStockFirewallDoes() {
        var samples = new ArrayList<>(List.of(
                "",
                "Authorization",
                "Bearer abc.def-ghi_jkl~+/==",
                "zh-CN,zh;q=0.9",
                "成华区 网格 1",
                "a\tb",
                "a\nb",
                "a\u0000b",
                "a\u007fb",
                "a\u0085b",
                "a\u00a0b",
                "\ud83d\ude00 emoji",
                "lone \ud83d surrogate",
                "unassigned \u0378",
                "unassigned \udb7f\udfff",
                "private use \ue000"));
        var random = new Random(22);
        for (int n = 0; n < 20_000; n++) {
            var text = new StringBuilder();
            for (int i = random.nextInt(6); i > 0; i--) {
                text.append((char) random.nextInt(random.nextBoolean() ? 0x100 : 0x10000));
            }
            samples.add(text.toString());
        }
        for (var sample : samples) {
            assertThat(RequestChecks.allowedHeaderName(sample))
                    .as("name %s", sample)
                    .isEqualTo(NAMES.matcher(sample).matches());
            assertThat(RequestChecks.allowedHeaderValue(sample))
                    .as("value %s", sample)
                    .isEqualTo(VALUES.matcher(sample).matches());
        }
    }

    @Test
    void readsBearerTokensAsTheDefaultResolverDoes() {
        var token = TestIssuer.get().token("x", List.of("RESIDENT"), List.of(), null);
        var headers = new ArrayList<String>();
        for (var scheme : List.of("Bearer ", "bearer ", "BEARER ", "Bearer", "Bearer  ", "Basic ", "Token ", "")) {
            for (var value : List.of(token, "abc==", "a=b", "=", "ab c", "abc ", "a/b+c~d_e.f-g", "中文", "")) {
                headers.add(scheme + value);
            }
        }
        var standard = new DefaultBearerTokenResolver();
        var ours = new HeaderBearerTokens();
        for (var header : headers) {
            var request = new MockHttpServletRequest("GET", "/api/me");
            request.addHeader("Authorization", header);
            String expected;
            try {
                expected = standard.resolve(request);
            } catch (OAuth2AuthenticationException refused) {
                assertThatThrownBy(() -> ours.resolve(request))
                        .as(header)
                        .isInstanceOf(OAuth2AuthenticationException.class)
                        .hasMessage(refused.getMessage());
                continue;
            }
            assertThat(ours.resolve(request)).as(header).isEqualTo(expected);
        }
        assertThat(ours.resolve(new MockHttpServletRequest("GET", "/api/me"))).isNull();
    }
}
