package org.whistle.evaluation.ratings;

import java.util.HashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.whistle.evaluation.cases.CaseStore;
import org.whistle.evaluation.cases.domain.CaseRecord;
import org.whistle.evaluation.ratings.domain.EndedParts;
import org.whistle.evaluation.streams.CaseListener;
import org.whistle.events.EventEnvelope;
import org.whistle.events.WhistleRouted;

/**
 * Puts every summoned unit's part that ended on its centre's list of ratings to give, in the transaction of the event
 * that ended it: a redelivered event finds the part already listed (one rating per unit and whistle).
 *
 * <p>On a routing, withdrawals are looked for among all the case's routings (its facts), so a withdrawal that arrived
 * before the summons it undoes is found when the summons arrives; other events cannot withdraw anyone, and reading
 * the facts only on routings keeps the rest of the stream at one fold per event.
 */
@Component
class PartsToRate implements CaseListener {

    private final RatingStore ratings;
    private final CaseStore cases;

    PartsToRate(RatingStore ratings, CaseStore cases) {
        this.ratings = ratings;
        this.cases = cases;
    }

    @Override
    public void changed(@Nullable CaseRecord before, CaseRecord after, EventEnvelope<?> event) {
        List<EndedParts.Routing> routings = List.of();
        if (event.data() instanceof WhistleRouted) {
            routings = cases.facts(after.whistleId()).stream()
                    .filter(f -> "ROUTED".equals(f.type()))
                    .map(f -> {
                        var units = new HashSet<String>();
                        f.summons().forEach(s -> units.add(s.unitId()));
                        return new EndedParts.Routing(f.at(), f.centreId(), units);
                    })
                    .toList();
        }
        EndedParts.of(after, routings).forEach(ratings::partEnded);
    }
}
