package org.whistle.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

class ConsoleAutoConfigurationTest {

    private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    WebFluxAutoConfiguration.class,
                    HttpHandlerAutoConfiguration.class,
                    ConsoleAutoConfiguration.class));

    @Test
    void servesThePagesWithTheirOwnPolicyAndTheirStaticFilesAndLibraries() {
        runner.run(context -> {
            var client = WebTestClient.bindToApplicationContext(context).build();

            client.get()
                    .uri("/whistle.html")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .value(
                            "Content-Security-Policy",
                            policy -> assertThat(policy)
                                    .contains("script-src 'self' 'unsafe-eval'")
                                    .contains("connect-src 'self'")
                                    .contains("frame-ancestors 'none'")
                                    .doesNotContainPattern("script-src[^;]*unsafe-inline"));
            client.get()
                    .uri("/")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(String.class)
                    .value(html -> assertThat(html).contains("/assets/js/home.js"));
            client.get()
                    .uri("/assets/js/api.js")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .doesNotExist("Content-Security-Policy");
            client.get()
                    .uri("/webjars/vue/3.5.13/dist/vue.esm-browser.prod.js")
                    .exchange()
                    .expectStatus()
                    .isOk();
        });
    }

    @Test
    void tellsThePagesTheBaseMapAndAllowsItsTilesAsImages() {
        runner.withPropertyValues(
                        "whistle.console.map.tile-url=https://t{s}.tianditu.gov.cn/vec_w/wmts?x={x}&y={y}&l={z}&tk=k",
                        "whistle.console.map.subdomains=0,1,2",
                        "whistle.console.map.attribution=天地图")
                .run(context -> {
                    var client = WebTestClient.bindToApplicationContext(context).build();

                    client.get()
                            .uri("/console-config.json")
                            .exchange()
                            .expectStatus()
                            .isOk()
                            .expectBody()
                            .jsonPath("$.map.tileUrl")
                            .value(url -> assertThat((String) url).startsWith("https://t{s}.tianditu.gov.cn"))
                            .jsonPath("$.map.subdomains[2]")
                            .isEqualTo("2")
                            .jsonPath("$.timeZone")
                            .isEqualTo("Asia/Shanghai");
                    client.get()
                            .uri("/command.html")
                            .exchange()
                            .expectHeader()
                            .value(
                                    "Content-Security-Policy",
                                    policy -> assertThat(policy)
                                            .contains("img-src 'self' data: blob: https://*.tianditu.gov.cn;"));
                });
    }

    @Test
    void sendsTheShortTrackingLinkOfTextMessagesToTheTrackingPage() {
        runner.run(context -> {
            var client = WebTestClient.bindToApplicationContext(context).build();

            client.get()
                    .uri("/track/QQ20260521-ABCDE12345")
                    .exchange()
                    .expectStatus()
                    .isFound()
                    .expectHeader()
                    .location("/track.html?code=QQ20260521-ABCDE12345");
            client.get().uri("/track/<script>").exchange().expectStatus().isNotFound();
        });
    }

    @Test
    void derivesTileOriginsForThePolicy() {
        assertThat(ConsoleAutoConfiguration.tileOrigins("https://tile.openstreetmap.org/{z}/{x}/{y}.png"))
                .containsExactly("https://tile.openstreetmap.org");
        assertThat(ConsoleAutoConfiguration.tileOrigins("http://{s}.tiles.example.cn:8443/{z}/{x}/{y}.png"))
                .containsExactly("http://*.tiles.example.cn:8443");
        assertThat(ConsoleAutoConfiguration.tileOrigins(null)).isEmpty();
    }
}
