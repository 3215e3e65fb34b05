package org.whistle.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** Typed access to parsed YAML, which SnakeYAML hands out as raw maps and lists. */
final class Yamls {

    private Yamls() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalStateException("expected a mapping, found " + value);
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?>)) {
            throw new IllegalStateException("expected a sequence, found " + value);
        }
        return (List<Object>) value;
    }

    static List<Map<String, Object>> maps(Object value) {
        return list(value).stream().map(Yamls::map).toList();
    }

    /** The value at a dotted path of keys, or null. */
    static Object at(Map<String, Object> root, String path) {
        Object current = root;
        for (var key : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    static String string(Map<String, Object> root, String path) {
        var value = at(root, path);
        return value == null ? null : String.valueOf(value);
    }

    /** Calls back with every leaf as {@code a.b.c} and its value; a list is a leaf of its own key. */
    static void flatten(Map<String, Object> root, BiConsumer<String, Object> leaf) {
        flatten("", root, leaf);
    }

    private static void flatten(String prefix, Map<String, Object> node, BiConsumer<String, Object> leaf) {
        for (var entry : node.entrySet()) {
            var key = prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey();
            if (entry.getValue() instanceof Map<?, ?> child) {
                flatten(key, map(child), leaf);
            } else {
                leaf.accept(key, entry.getValue());
            }
        }
    }

    /** Every string anywhere in the tree. */
    static void strings(Object node, java.util.function.Consumer<String> each) {
        switch (node) {
            case Map<?, ?> map ->
                map.forEach((key, value) -> {
                    strings(key, each);
                    strings(value, each);
                });
            case List<?> list -> list.forEach(item -> strings(item, each));
            case String string -> each.accept(string);
            case null, default -> {}
        }
    }

    static Map<String, Object> copy(Map<String, Object> map) {
        return new LinkedHashMap<>(map);
    }
}
