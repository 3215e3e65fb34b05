package org.whistle.texts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The catalogue's files as written, not as {@link java.util.Properties} reads them: a key written twice silently keeps
 * its last value (issue 23: several lanes add keys to the same files at once, and a merge can repeat one), and a
 * refusal key a service names in its code but neither file holds fails only when that refusal is answered.
 */
class CatalogueFilesTest {

    private static final Path FILES = Path.of("src/main/resources/org/whistle/texts");

    /** A refusal key written whole in Java source: {@code "intake.refusal.x"}, {@code "refusal.orgregistry.y"}. */
    private static final Pattern REFUSAL_KEY =
            Pattern.compile("\"((?:[a-z]+\\.)?refusal\\.[A-Za-z0-9.\\-]*[A-Za-z0-9])\"(?!\\s*\\+)");

    @Test
    void writesNoKeyTwice() throws IOException {
        for (var file : List.of("messages.properties", "messages_en.properties")) {
            var seen = new HashSet<String>();
            var twice = new TreeSet<String>();
            for (var line : Files.readAllLines(FILES.resolve(file), StandardCharsets.UTF_8)) {
                var trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!")) {
                    continue;
                }
                var key = trimmed.split("[=:]", 2)[0].strip();
                if (!seen.add(key)) {
                    twice.add(key);
                }
            }
            assertThat(twice).as("keys written twice in %s", file).isEmpty();
        }
    }

    @Test
    void holdsEveryRefusalKeyTheServicesNameInBothLanguages() throws IOException {
        var used = refusalKeysInSources(Path.of("..").toAbsolutePath().normalize());
        assertThat(used).as("refusal keys found in the services' sources").isNotEmpty();
        var chinese = Catalogue.chinese();
        var english = Catalogue.english();
        var missing = new TreeSet<String>();
        for (var key : used) {
            if (!chinese.has(key) || !english.has(key)) {
                missing.add(key);
            }
        }
        assertThat(missing).as("keys named in code but missing from a language").isEmpty();
    }

    private static TreeSet<String> refusalKeysInSources(Path root) throws IOException {
        var keys = new TreeSet<String>();
        var sources = new ArrayList<Path>();
        try (Stream<Path> modules = Files.list(root)) {
            for (var module : modules.filter(Files::isDirectory).toList()) {
                var main = module.resolve("src/main/java");
                if (Files.isDirectory(main)) {
                    sources.add(main);
                }
            }
        }
        for (var source : sources) {
            try (Stream<Path> files = Files.walk(source)) {
                for (var file :
                        files.filter(path -> path.toString().endsWith(".java")).toList()) {
                    var matcher = REFUSAL_KEY.matcher(Files.readString(file, StandardCharsets.UTF_8));
                    while (matcher.find()) {
                        keys.add(Objects.requireNonNull(matcher.group(1)));
                    }
                }
            }
        }
        return keys;
    }
}
