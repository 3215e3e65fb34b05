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
    void servesThePagesTheirScriptsAndTheirLibrariesFromTheJar() {
        runner.run(context -> {
            var client = WebTestClient.bindToApplicationContext(context).build();

            client.get()
                    .uri("/")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(String.class)
                    .value(html -> assertThat(html).contains("/assets/js/home.js"));
            for (var path : new String[] {
                "/whistle.html",
                "/screen.html",
                "/favicon.ico",
                "/assets/js/command.js",
                "/webjars/vue/3.5.13/dist/vue.runtime.esm-browser.prod.js",
                "/webjars/leaflet/1.9.4/dist/leaflet.js"
            }) {
                client.get().uri(path).exchange().expectStatus().isOk();
            }
        });
    }

    @Test
    void hasBrowsersRevalidatePagesAndStillAnswersNotModified() {
        runner.run(context -> {
            var client = WebTestClient.bindToApplicationContext(context).build();
            var first = client.get()
                    .uri("/command.html")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .returnResult(String.class);
            var lastModified = first.getResponseHeaders().getFirst("Last-Modified");

            var again = client.get()
                    .uri("/command.html")
                    .header("If-Modified-Since", lastModified)
                    .exchange();

            again.expectStatus().isNotModified();
            again.expectHeader().cacheControl(org.springframework.http.CacheControl.noCache());
            // Each file revalidates against its own Last-Modified: the page's says nothing of when a script changed.
            var script = client.get()
                    .uri("/assets/js/command.js")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .returnResult(String.class)
                    .getResponseHeaders()
                    .getFirst("Last-Modified");
            client.get()
                    .uri("/assets/js/command.js")
                    .header("If-Modified-Since", script)
                    .exchange()
                    .expectStatus()
                    .isNotModified();
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
                    .location("/track.html#code=QQ20260521-ABCDE12345");
            client.get().uri("/track/<script>").exchange().expectStatus().isNotFound();
        });
    }
}
