package org.whistle.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Names the code defines that monitoring refers to: consumer groups and Micrometer meters. */
final class CodeFacts {

    private static final Pattern GROUP_LITERAL = Pattern.compile("groupId\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern GROUP_CONSTANT = Pattern.compile("groupId\\s*=\\s*([A-Z][A-Z0-9_]*)\\b");
    private static final Pattern STREAMS_ID =
            Pattern.compile("@DefaultValue\\(\"([^\"]+)\"\\)\\s*String applicationId");
    private static final Pattern METER_NAME = Pattern.compile("\"(whistle(?:\\.[a-z0-9]+)+)\"");

    private CodeFacts() {}

    /** Kafka consumer groups: listeners' group ids and Kafka Streams application ids. */
    static Set<String> consumerGroups() {
        var groups = new TreeSet<String>();
        for (var file : mainSources()) {
            var text = Repository.read(file);
            // A group given as a placeholder (a rebuild runs under another) is the default it names.
            GROUP_LITERAL
                    .matcher(text)
                    .results()
                    .forEach(m -> groups.add(m.group(1).replaceFirst("^\\$\\{[^:}]+:([^}]+)}$", "$1")));
            GROUP_CONSTANT.matcher(text).results().forEach(m -> {
                var constant = Pattern.compile("String\\s+" + m.group(1) + "\\s*=\\s*\"([^\"]+)\"")
                        .matcher(text);
                if (!constant.find()) {
                    throw new IllegalStateException(file + ": cannot resolve the group id " + m.group(1));
                }
                groups.add(constant.group(1));
            });
            STREAMS_ID.matcher(text).results().forEach(m -> groups.add(m.group(1)));
        }
        return groups;
    }

    /**
     * The Prometheus names our own Micrometer meters can have: a meter {@code whistle.a.b} appears as
     * {@code whistle_a_b}, a counter with {@code _total}, one with base unit seconds with {@code _seconds}, a timer as
     * {@code _seconds_count}, {@code _seconds_sum}, {@code _seconds_max} and (with buckets) {@code _seconds_bucket}.
     */
    static Set<String> meterNames() {
        var names = new TreeSet<String>();
        for (var file : mainSources()) {
            var text = Repository.read(file);
            if (!text.contains("io.micrometer.core.instrument")) {
                continue;
            }
            METER_NAME.matcher(text).results().forEach(m -> {
                var base = m.group(1).replace('.', '_');
                names.add(base);
                if (text.contains("Counter")) {
                    names.add(base + "_total");
                }
                if (text.contains(".baseUnit(\"seconds\")")) {
                    names.add(base + "_seconds");
                }
                if (text.contains("Timer.builder(")) {
                    for (var suffix : List.of("_seconds_count", "_seconds_sum", "_seconds_max", "_seconds_bucket")) {
                        names.add(base + suffix);
                    }
                }
            });
        }
        return names;
    }

    /** The strings {@link #meterNames()} reads as meters, dotted as in the code ({@code whistle.outbox.backlog}). */
    static Set<String> meterCandidates() {
        var names = new TreeSet<String>();
        for (var file : mainSources()) {
            var text = Repository.read(file);
            if (text.contains("io.micrometer.core.instrument")) {
                METER_NAME.matcher(text).results().forEach(m -> names.add(m.group(1)));
            }
        }
        return names;
    }

    private static List<Path> mainSources() {
        var files = new java.util.ArrayList<Path>();
        for (var module : ServiceCatalogue.modules()) {
            var dir = Repository.path(module + "/src/main/java");
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }
}
