package org.whistle.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Property names from the source of a {@code @ConfigurationProperties} record: one per component, nested records of
 * the same file expanded under their component's name, maps and lists as prefixes (their keys and indexes are free).
 */
final class ConfigurationRecords {

    private static final Pattern ANNOTATION = Pattern.compile("@[\\w.]+(\\((?:[^()]|\\([^()]*\\))*\\))?");

    private ConfigurationRecords() {}

    static void collect(Path file, String source, Matcher annotation, Set<String> properties, Set<String> prefixes) {
        var prefix = annotation.group(1);
        var declaration = Pattern.compile("\\brecord\\s+(\\w+)\\s*\\(").matcher(source);
        if (!declaration.find(annotation.end()) || between(source, annotation.end(), declaration.start())) {
            throw new IllegalStateException(
                    file + ": @ConfigurationProperties(\"" + prefix + "\") is not on a record; teach this reader");
        }
        expand(file, source, declaration.group(1), prefix, properties, prefixes, 0);
    }

    /** Whether a type other than the record starts between the annotation and the record. */
    private static boolean between(String source, int from, int to) {
        return Pattern.compile("\\b(class|interface|enum)\\s+\\w+")
                .matcher(source.substring(from, to))
                .find();
    }

    private static void expand(
            Path file,
            String source,
            String record,
            String prefix,
            Set<String> properties,
            Set<String> prefixes,
            int depth) {
        if (depth > 8) {
            throw new IllegalStateException(file + ": records nest too deep under " + prefix);
        }
        for (var component : components(file, source, record)) {
            var property = prefix + "." + kebab(component.name());
            var type = component.type();
            var raw = type.replaceAll("<.*", "").replaceAll(".*\\.", "").trim();
            if (raw.equals("Map") || raw.equals("List") || raw.equals("Set") || type.endsWith("[]")) {
                properties.add(property);
                prefixes.add(property);
            } else if (declares(source, raw)) {
                expand(file, source, raw, property, properties, prefixes, depth + 1);
            } else {
                properties.add(property);
            }
        }
    }

    private static boolean declares(String source, String record) {
        return Pattern.compile("\\brecord\\s+" + Pattern.quote(record) + "\\s*\\(")
                .matcher(source)
                .find();
    }

    private record Component(String type, String name) {}

    private static List<Component> components(Path file, String source, String record) {
        var header = Pattern.compile("\\brecord\\s+" + Pattern.quote(record) + "\\s*\\(")
                .matcher(source);
        if (!header.find()) {
            throw new IllegalStateException(file + ": no record " + record);
        }
        int depth = 1;
        int i = header.end();
        var body = new StringBuilder();
        while (depth > 0) {
            char c = source.charAt(i++);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
            if (depth > 0) {
                body.append(c);
            }
        }
        var components = new ArrayList<Component>();
        for (var part : splitTopLevel(ANNOTATION.matcher(body).replaceAll(" "))) {
            var tokens = part.trim().replaceAll("\\s+", " ");
            if (tokens.isEmpty()) {
                continue;
            }
            int space = tokens.lastIndexOf(' ');
            if (space < 0) {
                throw new IllegalStateException(file + ": cannot read component '" + tokens + "' of " + record);
            }
            components.add(new Component(tokens.substring(0, space).trim(), tokens.substring(space + 1)));
        }
        return components;
    }

    private static List<String> splitTopLevel(String text) {
        var parts = new ArrayList<String>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '<' || c == '(') {
                depth++;
            } else if (c == '>' || c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
