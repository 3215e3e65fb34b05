package org.whistle.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.whistle.texts.PlainText;

/** Every page names only files that are there, and the two dictionaries know the same words. */
class ConsoleResourcesTest {

    private static final List<String> FILES = List.of(
            "index.html",
            "whistle.html",
            "track.html",
            "command.html",
            "unit.html",
            "evaluation.html",
            "ratings.html",
            "keys.html",
            "reviews.html",
            "apis.html",
            "members.html",
            "screen.html",
            "branch.html",
            "workplace.html",
            "assets/js/api.js",
            "assets/js/i18n.js",
            "assets/js/shell.js",
            "assets/js/map.js",
            "assets/js/dom.js",
            "assets/js/home.js",
            "assets/js/ratings.js",
            "assets/js/whistle.js",
            "assets/js/track.js",
            "assets/js/command.js",
            "assets/js/unit.js",
            "assets/js/evaluation.js",
            "assets/js/keys.js",
            "assets/js/reviews.js",
            "assets/js/members.js",
            "assets/js/screen.js",
            "assets/js/coords.js",
            "assets/js/branch.js",
            "assets/js/workplace.js");

    /** Absolute paths in src/href attributes and import statements. */
    private static final Pattern PATHS = Pattern.compile("(?:src|href)=\"(/[^\"#?]+)\"|from '(/[^']+)'");

    private static String read(String file) {
        try {
            return new ClassPathResource("META-INF/resources/" + file).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(file, e);
        }
    }

    @Test
    void referencesOnlyFilesOfTheConsoleAndItsWebJars() {
        var referenced = new LinkedHashSet<String>();
        for (var file : FILES) {
            var matcher = PATHS.matcher(read(file));
            while (matcher.find()) {
                referenced.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
            }
        }
        assertThat(referenced)
                .contains(
                        "/webjars/vue/3.5.13/dist/vue.runtime.esm-browser.prod.js",
                        "/webjars/leaflet/1.9.4/dist/leaflet.js");
        for (var path : referenced) {
            if (path.endsWith("/") || path.endsWith(".html")) {
                continue;
            }
            assertThat(new ClassPathResource("META-INF/resources" + path).exists())
                    .as(path)
                    .isTrue();
        }
    }

    @Test
    void needsNothingTheGatewaysPagePolicyForbids() {
        for (var file : FILES) {
            var text = read(file);
            assertThat(text)
                    .as("%s: no template compiler (it needs eval), no eval of our own", file)
                    .doesNotContain("vue.esm-browser")
                    .doesNotContain("new Function")
                    .doesNotContain("eval(");
            if (file.endsWith(".html")) {
                assertThat(text)
                        .as("%s: scripts and styles come from files only", file)
                        .doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
                        .doesNotContain("style=")
                        .doesNotContain("<style");
            }
        }
    }

    @Test
    void knowsEveryWordInChineseAndInEnglish() {
        var source = read("assets/js/i18n.js");
        var zh = keys(source.substring(source.indexOf("const zh = {"), source.indexOf("const en = {")));
        var en = keys(source.substring(source.indexOf("const en = {"), source.indexOf("export const dictionaries")));
        assertThat(zh).hasSizeGreaterThan(100);
        assertThat(en).isEqualTo(zh);

        var used = new TreeSet<String>();
        var call = Pattern.compile("\\bt\\('([\\w.]+)'\\s*[,)]");
        for (var file : FILES) {
            var matcher = call.matcher(read(file));
            while (matcher.find()) {
                used.add(matcher.group(1));
            }
        }
        assertThat(zh).containsAll(used);
    }

    @Test
    void saysNoCodeEnumNullOrUtcTimeInAnyWord() {
        var source = read("assets/js/i18n.js");
        for (var dictionary : List.of(
                source.substring(source.indexOf("const zh = {"), source.indexOf("const en = {")),
                source.substring(source.indexOf("const en = {"), source.indexOf("export const dictionaries")))) {
            var values =
                    Pattern.compile("'?([\\w.-]+)'?: '((?:[^'\\\\]|\\\\.)*)'").matcher(dictionary);
            var seen = 0;
            while (values.find()) {
                var words = values.group(2).replaceAll("\\{\\w+}", "");
                assertThat(PlainText.offences(words)).as(values.group(1)).isEmpty();
                seen++;
            }
            assertThat(seen).isGreaterThan(100);
        }
    }

    /** Values the pages show by prefix (t('state.' + k.state)): each value of the contract has its word. */
    @Test
    void namesEveryValueOfTheContractThePagesShow() {
        var source = read("assets/js/i18n.js");
        var zh = keys(source.substring(source.indexOf("const zh = {"), source.indexOf("const en = {")));
        var shown = new java.util.LinkedHashMap<String, Class<? extends Enum<?>>>();
        shown.put("state.", org.whistle.events.TicketState.class);
        shown.put("task.", org.whistle.events.TaskState.class);
        shown.put("clock.", org.whistle.events.ClockKind.class);
        shown.put("level.", org.whistle.events.CommandLevel.class);
        shown.put("rating.", org.whistle.events.Rating.class);
        shown.put("priority.", org.whistle.events.Urgency.class);
        shown.forEach((prefix, values) -> {
            for (var value : values.getEnumConstants()) {
                assertThat(zh)
                        .as("the pages show " + value + " as t('" + prefix + value.name() + "')")
                        .contains(prefix + value.name());
            }
        });
    }

    private static Set<String> keys(String dictionary) {
        var keys = new TreeSet<String>();
        var matcher = Pattern.compile("(?:^|[{,\\s])'?([\\w.-]+)'?: '").matcher(dictionary);
        while (matcher.find()) {
            keys.add(matcher.group(1));
        }
        return keys;
    }
}
