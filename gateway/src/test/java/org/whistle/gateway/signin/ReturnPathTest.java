package org.whistle.gateway.signin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ReturnPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/dashboard.html", "/track.html?code=QQHR-20261127-000001", "/work.html#task-3"})
    void keepsAPathOnThisSite(String path) {
        assertThat(ReturnPath.from(path).value()).isEqualTo(path);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "https://evil.example/",
                "//evil.example/",
                "/\\evil.example",
                "dashboard.html",
                "javascript:alert(1)",
                "/a\r\nSet-Cookie: x=1",
                "/ spaced"
            })
    void sendsAnythingElseHome(String requested) {
        assertThat(ReturnPath.from(requested)).isEqualTo(ReturnPath.HOME);
    }

    @org.junit.jupiter.api.Test
    void refusesAnOverlongPath() {
        assertThat(ReturnPath.from("/" + "a".repeat(600))).isEqualTo(ReturnPath.HOME);
    }
}
