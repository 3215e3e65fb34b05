package org.whistle.evaluation.appraisal.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Ranks scores with ties (equal scores to two decimals share a rank, the next rank skips: 1, 1, 3) and says how each
 * object moved against the previous period's ranks. Objects without a score come last, unranked.
 */
public final class Ranking {

    private Ranking() {}

    /** An object's place. {@code movement} is positive when it rose; null when it had no rank before. */
    public record Place(
            String id,
            @Nullable Double score,
            @Nullable Integer rank,
            @Nullable Integer movement) {}

    public static List<Place> rank(Map<String, @Nullable Double> scores, Map<String, @Nullable Double> previous) {
        var before = ranks(previous);
        var now = ranks(scores);
        var places = new ArrayList<Place>();
        for (var id : scores.keySet()) {
            var rank = now.get(id);
            var was = before.get(id);
            places.add(new Place(id, round(scores.get(id)), rank, rank == null || was == null ? null : was - rank));
        }
        places.sort(Comparator.comparing((Place p) -> p.rank() == null ? Integer.MAX_VALUE : p.rank())
                .thenComparing(Place::id));
        return places;
    }

    private static Map<String, Integer> ranks(Map<String, @Nullable Double> scores) {
        var scored = new ArrayList<Map.Entry<String, Double>>();
        scores.forEach((id, score) -> {
            var rounded = round(score);
            if (rounded != null) {
                scored.add(Map.entry(id, rounded));
            }
        });
        scored.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        var ranks = new HashMap<String, Integer>();
        for (int i = 0; i < scored.size(); i++) {
            var score = scored.get(i).getValue();
            int rank = i > 0 && score.equals(scored.get(i - 1).getValue())
                    ? ranks.get(scored.get(i - 1).getKey())
                    : i + 1;
            ranks.put(scored.get(i).getKey(), rank);
        }
        return ranks;
    }

    static @Nullable Double round(@Nullable Double score) {
        return score == null ? null : Math.round(score * 100) / 100.0;
    }
}
