package org.whistle.evaluation.ratings;

import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.whistle.evaluation.cases.domain.CaseRecord;
import org.whistle.evaluation.ratings.domain.EndedParts;
import org.whistle.evaluation.streams.CaseListener;
import org.whistle.events.EventEnvelope;
import org.whistle.events.WhistleRouted;

/**
 * Puts every summoned unit's part that ended on its centre's list of ratings to give, in the transaction of the event
 * that ended it: a redelivered event finds the part already listed (one rating per unit and whistle).
 */
@Component
class PartsToRate implements CaseListener {

    private final RatingStore ratings;

    PartsToRate(RatingStore ratings) {
        this.ratings = ratings;
    }

    @Override
    public void changed(@Nullable CaseRecord before, CaseRecord after, EventEnvelope<?> event) {
        Set<String> routedUnits = Set.of();
        java.time.Instant routedAt = null;
        if (event.data() instanceof WhistleRouted routed) {
            routedAt = routed.at();
            routedUnits =
                    routed.summons().stream().map(WhistleRouted.Summons::unitId).collect(Collectors.toSet());
        }
        EndedParts.of(after, before == null ? null : before.owningCentreId(), routedAt, routedUnits)
                .forEach(ratings::partEnded);
    }
}
