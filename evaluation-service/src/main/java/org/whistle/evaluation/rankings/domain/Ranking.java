package org.whistle.evaluation.rankings.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Ranks objects by a value with ties (standard competition ranking: 1, 1, 3), the better first — higher values for
 * most rates and the composite score, lower ones for rates where less is better. Objects without a value (nothing
 * was due) are not ranked.
 */
public final class Ranking {

    private Ranking() {}

    /** An object's value to be ranked. */
    public record Entry(String key, @Nullable Double value) {}

    /** Ranks by value; ties share the better rank and the next rank skips as many places. */
    public static Map<String, Integer> rank(List<Entry> entries, boolean higherIsBetter) {
        var valued = new ArrayList<Entry>();
        for (var entry : entries) {
            if (entry.value() != null) {
                valued.add(entry);
            }
        }
        Comparator<Entry> order = Comparator.comparingDouble(e -> round(e.value()));
        if (higherIsBetter) {
            order = order.reversed();
        }
        valued.sort(order.thenComparing(Entry::key));
        var ranks = new HashMap<String, Integer>();
        for (int i = 0; i < valued.size(); i++) {
            var entry = valued.get(i);
            if (i > 0 && round(valued.get(i - 1).value()) == round(entry.value())) {
                ranks.put(entry.key(), ranks.get(valued.get(i - 1).key()));
            } else {
                ranks.put(entry.key(), i + 1);
            }
        }
        return ranks;
    }

    /** The movement against the previous period's rank, in Chinese: ↑2, ↓1, 持平, 新上榜. */
    public static String movement(@Nullable Integer now, @Nullable Integer before) {
        if (now == null) {
            return "";
        }
        if (before == null) {
            return "新上榜";
        }
        if (before.equals(now)) {
            return "持平";
        }
        return before > now ? "↑" + (before - now) : "↓" + (now - before);
    }

    /** Values are compared as shown (to 1/10,000), so figures that read the same tie. */
    private static double round(@Nullable Double value) {
        return value == null ? Double.NaN : Math.round(value * 10_000) / 10_000.0;
    }
}
