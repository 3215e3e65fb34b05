package org.whistle.intake.placing.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

/**
 * Finds place names in the words of an address and ranks the grids they point at. A name found inside a longer name
 * found at the same place counts only as the longer one (文明 inside 文明大街 is the road, not 文明社区). A grid scores the
 * weights of the distinct places found on its chain (itself and its ancestors), so an address naming the district, the
 * compound and a road of one grid puts that grid first; ties go to the lower grid code, so answers are stable.
 */
public final class PlaceNames {

    /** Suffixes people often leave out (将军府 for 将军府小区); the rest of the name is looked for too. */
    private static final List<String> SUFFIXES = List.of("小区", "社区", "街道", "镇", "区", "县", "市", "村");

    private static final int SHORTEST_NAME = 2;

    private PlaceNames() {}

    /**
     * A name to look for.
     *
     * @param nodeId the org node the name stands for (a grid, compound, community, street, district or the city)
     * @param text the name as written
     * @param label what the name is, in Chinese, for the reason shown to the dispatcher (小区, 道路 …)
     * @param weight how much finding it says about where the call is: the more specific, the heavier
     */
    public record Name(String nodeId, String text, String label, int weight) {}

    /** A name found in the address at {@code [start, end)}. */
    public record Found(Name name, int start, int end) {

        boolean within(Found other) {
            return other != this
                    && other.start <= start
                    && end <= other.end
                    && (other.end - other.start) > (end - start);
        }
    }

    /** A grid with its chain: the ids of its ancestors, city first, and its own id last. */
    public record Grid(String gridId, List<String> chain) {}

    /** A proposed grid, its score and the names that put it here, most telling first. */
    public record Ranked(String gridId, int score, List<Name> because) {}

    /** The name itself, and the name without a common suffix when what is left is still a name (≥ 2 characters). */
    public static List<Name> withShortForms(Name name) {
        for (var suffix : SUFFIXES) {
            if (name.text().endsWith(suffix)) {
                var shorter = name.text().substring(0, name.text().length() - suffix.length());
                if (shorter.codePointCount(0, shorter.length()) >= SHORTEST_NAME) {
                    return List.of(name, new Name(name.nodeId(), shorter, name.label(), name.weight()));
                }
            }
        }
        return List.of(name);
    }

    /** Every place where one of the names occurs in the address (case and width of Latin letters ignored). */
    public static List<Found> find(String address, Collection<Name> names) {
        var text = normalise(address);
        var found = new ArrayList<Found>();
        for (var name : names) {
            var wanted = normalise(name.text());
            if (wanted.codePointCount(0, wanted.length()) < SHORTEST_NAME) {
                continue;
            }
            for (int at = text.indexOf(wanted); at >= 0; at = text.indexOf(wanted, at + 1)) {
                found.add(new Found(name, at, at + wanted.length()));
            }
        }
        return found;
    }

    /** Drops names found inside a longer name found at the same place. */
    public static List<Found> longest(List<Found> found) {
        return found.stream()
                .filter(candidate -> found.stream().noneMatch(candidate::within))
                .toList();
    }

    /** Grids ranked by the places found on their chains; grids with nothing found are not proposed. */
    public static List<Ranked> rank(List<Found> found, Collection<Grid> grids, int limit) {
        // Per node, each place in the address counts once (the heaviest name found there), and each name once
        // however often it is repeated; two roads of one crossing both count.
        var byNode = new LinkedHashMap<String, List<Name>>();
        var bySpan = new LinkedHashMap<String, Found>();
        for (var f : found) {
            bySpan.merge(
                    f.name().nodeId() + "@" + f.start() + "-" + f.end(),
                    f,
                    (a, b) -> b.name().weight() > a.name().weight() ? b : a);
        }
        for (var f : bySpan.values()) {
            var names = byNode.computeIfAbsent(f.name().nodeId(), node -> new ArrayList<>());
            if (names.stream().noneMatch(n -> n.text().equals(f.name().text()))) {
                names.add(f.name());
            }
        }
        var ranked = new ArrayList<Ranked>();
        for (var grid : grids) {
            var because = new ArrayList<Name>();
            for (var node : grid.chain()) {
                because.addAll(byNode.getOrDefault(node, List.of()));
            }
            int score = because.stream().mapToInt(Name::weight).sum();
            if (score > 0) {
                because.sort(Comparator.comparingInt(Name::weight).reversed());
                ranked.add(new Ranked(grid.gridId(), score, List.copyOf(because)));
            }
        }
        ranked.sort(Comparator.comparingInt(Ranked::score).reversed().thenComparing(Ranked::gridId));
        return ranked.size() > limit ? List.copyOf(ranked.subList(0, limit)) : List.copyOf(ranked);
    }

    private static String normalise(String text) {
        var builder = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            // Full-width Latin letters and digits (ＡＢＣ１２３) as their ASCII forms; spaces do not separate names.
            if (c >= 0xFF01 && c <= 0xFF5E) {
                c -= 0xFEE0;
            }
            if (!Character.isWhitespace(c) && c != 0x3000) {
                builder.appendCodePoint(c);
            }
        });
        return builder.toString().toLowerCase(Locale.ROOT);
    }
}
