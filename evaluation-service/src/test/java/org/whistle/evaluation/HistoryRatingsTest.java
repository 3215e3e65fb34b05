package org.whistle.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.whistle.evaluation.ratings.domain.RatingId;
import org.whistle.events.Actor;
import org.whistle.events.EventEnvelope;
import org.whistle.events.UnitRated;
import org.whistle.events.WhistleReported;

/**
 * 双考核 in generated history (issue 20): the centres' ratings arrive as {@code unit-rated} with origin HISTORY and become
 * the parts' ratings — whether the rating or the end of the part comes first, once however often it is delivered —
 * so a department's appraisal of a month of history counts them; a live {@code unit-rated} (this service's own) is not
 * read back.
 */
class HistoryRatingsTest extends EvaluationServiceTest {

    @Test
    void historyRatingsBecomeThePartsRatingsInEitherOrderOnceAndCountInTheAppraisal() throws Exception {
        var t = day(LocalDate.of(2024, 10, 9));
        var ratedFirst = handled("T-HRATE-1", t);
        var endedFirst = handled("T-HRATE-2", t.plusSeconds(3600));
        var liveFirst = handled("T-HRATE-3", t.plusSeconds(7200));

        // the rating comes before the case has been folded at all
        publish(rating(ratedFirst, 90, t.plus(Duration.ofDays(1)), true));
        publishAsHistory(ratedFirst);
        awaitRated(ratedFirst, 90);

        // the part ends first, waits on the centre's list, then the rating comes — twice
        publishAsHistory(endedFirst);
        assertThat(status(endedFirst)).isEqualTo("TO_RATE");
        var late = rating(endedFirst, 80, t.plus(Duration.ofDays(1)), true);
        publish(late);
        publish(late);
        awaitRated(endedFirst, 80);

        // a live unit-rated is this service's own: not read back (the history rating after it, same key, is applied)
        publishAsHistory(liveFirst);
        publish(rating(liveFirst, 99, t.plus(Duration.ofDays(1)), false));
        publish(rating(liveFirst, 60, t.plus(Duration.ofDays(2)), true));
        awaitRated(liveFirst, 60);

        for (var c : new Case[] {ratedFirst, endedFirst, liveFirst}) {
            assertThat(jdbc.sql("SELECT count(*) FROM unit_rating_audit WHERE rating_id = :id AND action = 'RATED'"
                                    + " AND detail->>'history' = 'true'")
                            .param("id", ratingId(c))
                            .query(Long.class)
                            .single())
                    .as("rated once, on record as history")
                    .isEqualTo(1);
        }
        var answer = get("/api/evaluation/appraisals/departments/" + WATER + "?period=2024-10", administrator());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        var appraisal = json(answer);
        assertThat(appraisal.get("ratings").asLong()).as(appraisal.toString()).isEqualTo(3);
        assertThat(appraisal.get("ratingAverage").asDouble()).isEqualTo(76.67);
    }

    private static Case handled(String number, Instant t) {
        return newCase(number)
                .raised(t, null)
                .filed(t.plusSeconds(300))
                .summoned(t.plusSeconds(600), WATER)
                .reported(t.plusSeconds(1200), WATER, WhistleReported.Report.REPORTED_IN)
                .reported(t.plusSeconds(3000), WATER, WhistleReported.Report.ON_SITE)
                .reported(t.plusSeconds(9000), WATER, WhistleReported.Report.DONE);
    }

    /** Publishes the case's events as the history generator does and waits until it has folded them all. */
    private void publishAsHistory(Case c) {
        c.events().forEach(e -> publish(e.asHistory()));
        awaitFolded(c, c.events().size());
    }

    private static EventEnvelope<UnitRated> rating(Case c, int score, Instant at, boolean history) {
        var event = envelope(
                new UnitRated(
                        ratingId(c),
                        c.whistle,
                        c.ticket,
                        c.number,
                        WATER,
                        STREET_CENTRE,
                        UnitRated.PartEnded.DONE,
                        true,
                        true,
                        true,
                        UnitRated.Quality.GOOD,
                        score,
                        UnitRated.Stage.RATED,
                        null,
                        new Actor("history:dispatcher:" + STREET_CENTRE, STREET_CENTRE, "STREET_DISPATCHER"),
                        at),
                1);
        return history ? event.asHistory() : event;
    }

    private static UUID ratingId(Case c) {
        return RatingId.forPart(c.id(), WATER).value();
    }

    private String status(Case c) {
        return jdbc.sql("SELECT status FROM unit_rating WHERE rating_id = :id")
                .param("id", ratingId(c))
                .query(String.class)
                .single();
    }

    private void awaitRated(Case c, int score) {
        await().atMost(PATIENCE)
                .until(() -> jdbc.sql("SELECT count(*) FROM unit_rating WHERE rating_id = :id AND status = 'RATED'"
                                        + " AND score = :score")
                                .param("id", ratingId(c))
                                .param("score", score)
                                .query(Long.class)
                                .single()
                        == 1);
    }
}
