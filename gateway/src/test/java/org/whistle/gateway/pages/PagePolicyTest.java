package org.whistle.gateway.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PagePolicyTest {

    @Test
    void allowsTilesFromEverySubdomainOfTheTileServer() {
        var policy =
                new PagePolicy("https://t{s}.tianditu.gov.cn/vec_w/wmts?TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=KEY");

        assertThat(policy.forPages())
                .contains("img-src 'self' data: blob: https://t*.tianditu.gov.cn;")
                .contains("script-src 'self'")
                .contains("frame-ancestors 'none'")
                .doesNotContain("unsafe");
    }

    @Test
    void allowsImagesFromThisSiteAloneWithoutATileServer() {
        assertThat(new PagePolicy(null).forPages()).contains("img-src 'self' data: blob:;");
        assertThat(PagePolicy.tileOrigin("http://tiles.example:8088/{z}/{x}/{y}.png"))
                .isEqualTo("http://tiles.example:8088");
    }

    @Test
    void refusesARelativeTileTemplate() {
        assertThatThrownBy(() -> new PagePolicy("/tiles/{z}/{x}/{y}.png")).isInstanceOf(IllegalArgumentException.class);
    }
}
