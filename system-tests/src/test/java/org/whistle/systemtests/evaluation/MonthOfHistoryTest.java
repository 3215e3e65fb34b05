package org.whistle.systemtests.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.whistle.events.ClockKind;
import org.whistle.events.Rating;
import org.whistle.history.City;
import org.whistle.history.HistoryGenerator;
import org.whistle.history.HistoryPublisher;
import org.whistle.history.PlannedCase;
import org.whistle.systemtests.Gateway;
import org.whistle.systemtests.Platform;
import org.whistle.systemtests.SharedLocalStack;
import tools.jackson.databind.JsonNode;

/**
 * Issue 20's "done when": a month of 甘南镇's cases is generated and published as history, the street's centre and the
 * county's rate every part that ended (双考核), the administrator closes the month, and the street's 按期处置率, 满意率
 * and composite score and 甘南县城市管理局's appraisal are what this test computes by hand from the generated cases
 * with EVALUATION.md's formulas — not from anything the service says.
 */
@ExtendWith(SharedLocalStack.class)
class MonthOfHistoryTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Duration FOLDING = Duration.ofMinutes(5);
    private static final String STREET = "230225100";
    private static final String STREET_DISPATCHER = "gn.street.sunhongwei";
    private static final String COUNTY_DISPATCHER = "gn.county.liuyan";
    private static final String DEPARTMENT = "QQ-230225-CGJ";
    /** The first rule set's weights (EVALUATION.md §2, 成都金牛区) and 基本满意 at 0.8. */
    private static final double BASICALLY = 0.8;

    private final Platform platform;
    private final Gateway gateway;

    MonthOfHistoryTest(Platform platform) {
        this.platform = platform;
        this.gateway = platform.gateway();
    }

    @Test
    void aGeneratedMonthClosesWithTheStreetsRatesAndTheDepartmentsAppraisalAsComputedByHand() {
        // two months back: every clock of the month has run out, every case has ended
        var month = YearMonth.now(SHANGHAI).minusMonths(2);
        var period = month.toString();
        var now = Instant.now();
        var city = City.load(Path.of("../demo/city"));
        var cases = new HistoryGenerator(city, 20)
                .generate(
                        List.of(city.street(STREET)),
                        month.atDay(1),
                        month.plusMonths(1).atDay(1),
                        6,
                        now);
        try (var publisher = new HistoryPublisher(platform.stack().kafkaBootstrapServers())) {
            publisher.publish(cases);
        }

        var expected = StreetMonth.of(cases, city, month, now);
        assertThat(expected.due()).as("a month of cases with something due").isGreaterThan(50);
        assertThat(expected.extended()).as("some of them extended (延期)").isPositive();
        var dispatcher = platform.login().token(STREET_DISPATCHER);
        await("evaluation folds the month's history")
                .atMost(FOLDING)
                .pollInterval(Duration.ofSeconds(2))
                .ignoreExceptions()
                .untilAsserted(() -> expected.check(figures(period, dispatcher)));
        var liveStatus = figures(period, dispatcher).path("status").asString();

        // 双考核: the centre that owned each case when a unit's part ended rates it as the generator planned
        var planned = new HashMap<String, PlannedCase.PlannedRating>();
        cases.forEach(c -> c.parts().forEach(p -> planned.put(c.ticketNumber() + "/" + p.unitId(), p.rating())));
        int rated = rateEverything(platform.login().token(STREET_DISPATCHER), planned)
                + rateEverything(platform.login().token(COUNTY_DISPATCHER), planned);
        assertThat(rated).as("every part that ended was on a centre's list").isEqualTo(endedParts(cases));

        var admin = platform.login().token("admin");
        gateway.post("/api/evaluation/periods/" + period + "/close", admin, "{}")
                .expect(200);
        var closed = figures(period, dispatcher);
        assertThat(closed.path("status").asString())
                .as("the closed month's figures")
                .isNotEqualTo(liveStatus);
        expected.check(closed);

        var department = DepartmentMonth.of(cases, month, now);
        var appraisal = gateway.get("/api/evaluation/appraisals/departments/" + DEPARTMENT + "?period=" + period, admin)
                .expect(200);
        assertThat(appraisal.at("/cases/due").asLong()).isEqualTo(department.due());
        assertThat(appraisal.at("/cases/handled").asLong()).isEqualTo(department.handled());
        assertThat(appraisal.at("/cases/handledOnTime").asLong()).isEqualTo(department.onTime());
        assertThat(appraisal.at("/cases/reworked").asLong()).isEqualTo(department.reworked());
        assertThat(appraisal.path("ratings").asLong()).isEqualTo(department.ratings());
        assertThat(appraisal.path("ratingAverage").asDouble()).isCloseTo(department.ratingAverage(), within(0.006));
        assertThat(appraisal.path("composite").asDouble()).isCloseTo(department.composite(), within(0.006));
        assertThat(appraisal.path("score").asDouble()).isCloseTo(department.score(), within(0.006));
    }

    private JsonNode figures(String period, String token) {
        return gateway.get("/api/evaluation/figures?object=" + STREET + "&period=" + period, token)
                .expect(200);
    }

    /**
     * Rates every generated part on the caller's list with the generator's planned rating; how many it rated. Parts of
     * live cases that other test classes raise on the same shared stack are left for them.
     */
    private int rateEverything(String token, Map<String, PlannedCase.PlannedRating> planned) {
        int rated = 0;
        while (true) {
            var toGive = gateway.get("/api/evaluation/ratings/to-give?limit=200", token)
                    .expect(200);
            int ratedNow = 0;
            for (var part : toGive) {
                var rating = planned.get(part.path("ticketNumber").asString() + "/"
                        + part.path("unitId").asString());
                if (rating == null) {
                    continue;
                }
                gateway.post(
                                "/api/evaluation/ratings/" + part.path("id").asString() + "/rating",
                                token,
                                Gateway.JSON
                                        .createObjectNode()
                                        .put("reportedInOnTime", rating.reportedInOnTime())
                                        .put("cameOnSite", rating.cameOnSite())
                                        .put("stayedUntilDone", rating.stayedUntilDone())
                                        .put("quality", rating.quality().name())
                                        .put("score", rating.score())
                                        .put("comment", rating.comment())
                                        .toString())
                        .expect(200);
                ratedNow++;
            }
            if (ratedNow == 0) {
                return rated;
            }
            rated += ratedNow;
        }
    }

    private static int endedParts(List<PlannedCase> cases) {
        return (int) cases.stream()
                .flatMap(c -> c.parts().stream())
                .filter(PlannedCase.Part::ended)
                .count();
    }

    private static LocalDate date(Instant at) {
        return at.atZone(SHANGHAI).toLocalDate();
    }

    private static boolean exempt(PlannedCase c) {
        return c.fate() == PlannedCase.Fate.REJECTED || c.fate() == PlannedCase.Fate.MERGED;
    }

    /**
     * The day a case counts for (EVALUATION.md §1: by the date a clock fell due): its handling clock once units were
     * summoned, else its filing clock once filed, else the day it was raised.
     */
    private static LocalDate countDate(PlannedCase c, City city) {
        if (c.summonedAt() != null) {
            return date(Objects.requireNonNull(c.resolveDue()));
        }
        if (c.filedAt() != null) {
            return date(c.raisedAt().plus(city.limit(ClockKind.FILE, c.category(), c.urgency())));
        }
        return date(c.raisedAt());
    }

    /** A handling clock that ran out with the case still unhandled and open, as of now. */
    private static boolean overdueAt(PlannedCase c, Instant now) {
        return c.handledAt() == null
                && c.outcome() == null
                && c.resolveWarned()
                && Objects.requireNonNull(c.resolveDue()).isBefore(now);
    }

    /** The street's month computed by hand from the generated cases. */
    record StreetMonth(
            long due,
            long handled,
            long onTime,
            long overdue,
            long filed,
            long reworked,
            long extended,
            long followed,
            long satisfied,
            long basically) {

        static StreetMonth of(List<PlannedCase> cases, City city, YearMonth month, Instant now) {
            var counted = cases.stream()
                    .filter(c -> YearMonth.from(countDate(c, city)).equals(month))
                    .filter(c -> !exempt(c))
                    .toList();
            var due = counted.stream().filter(c -> c.summonedAt() != null).toList();
            var filed = counted.stream().filter(c -> c.filedAt() != null).toList();
            var answers = counted.stream()
                    .map(PlannedCase::answer)
                    .filter(Objects::nonNull)
                    .toList();
            return new StreetMonth(
                    due.size(),
                    due.stream().filter(c -> c.handledAt() != null).count(),
                    due.stream()
                            .filter(c -> c.handledAt() != null && !c.handledLate())
                            .count(),
                    due.stream().filter(c -> overdueAt(c, now)).count(),
                    filed.size(),
                    filed.stream().filter(c -> c.reworks() > 0).count(),
                    due.stream().filter(c -> c.extensions() > 0).count(),
                    answers.size(),
                    answers.stream().filter(a -> a.rating() == Rating.SATISFIED).count(),
                    answers.stream()
                            .filter(a -> a.rating() == Rating.BASICALLY_SATISFIED)
                            .count());
        }

        double onTimeRate() {
            return (double) onTime / due;
        }

        double satisfaction() {
            return (satisfied + BASICALLY * basically) / followed;
        }

        /** 处置率 × 30 + 按期处置率 × 20 + (1 − 返工率) × 20 + (1 − 超期待处置率) × 20 + (1 − 延期率) × 10. */
        double composite() {
            double value = 30.0 * handled / due
                    + 20.0 * onTime / due
                    + 20 * (1 - (double) reworked / filed)
                    + 20 * (1 - (double) overdue / due)
                    + 10 * (1 - (double) extended / due);
            return Math.round(value * 100) / 100.0;
        }

        void check(JsonNode figure) {
            var values = figure.path("figures");
            var onTimeHandling = rate(values, "ON_TIME_HANDLING");
            assertThat(onTimeHandling.path("numerator").asLong()).as("按期处置").isEqualTo(onTime);
            assertThat(onTimeHandling.path("denominator").asLong()).as("应处置").isEqualTo(due);
            assertThat(onTimeHandling.path("value").asDouble()).isCloseTo(onTimeRate(), within(1e-9));
            var satisfaction = rate(values, "SATISFACTION");
            assertThat(satisfaction.path("denominator").asLong()).as("回访").isEqualTo(followed);
            assertThat(satisfaction.path("value").asDouble()).as("满意率").isCloseTo(satisfaction(), within(1e-9));
            var extension = rate(values, "EXTENSION");
            assertThat(extension.path("numerator").asLong()).as("延期").isEqualTo(extended);
            assertThat(extension.path("denominator").asLong()).as("应处置").isEqualTo(due);
            assertThat(values.path("composite").asDouble()).as("综合指标值").isCloseTo(composite(), within(1e-9));
        }

        private static JsonNode rate(JsonNode values, String name) {
            for (var rate : values.path("rates")) {
                if (rate.path("rate").asString().equals(name)) {
                    return rate;
                }
            }
            throw new AssertionError("no rate " + name + " in " + values);
        }
    }

    /** 甘南县城市管理局's month by hand: its cases as lead, and the ratings of every part it ended in the month. */
    record DepartmentMonth(
            long due, long handled, long onTime, long overdue, long reworked, long extended, List<Integer> scores) {

        static DepartmentMonth of(List<PlannedCase> cases, YearMonth month, Instant now) {
            var due = cases.stream()
                    .filter(c -> c.summonedAt() != null && !exempt(c))
                    .filter(c ->
                            DEPARTMENT.equals(Objects.requireNonNull(c.lead()).unitId()))
                    .filter(c -> YearMonth.from(date(Objects.requireNonNull(c.resolveDue())))
                            .equals(month))
                    .toList();
            var scores = cases.stream()
                    .flatMap(c -> c.parts().stream())
                    .filter(p -> p.unitId().equals(DEPARTMENT) && p.ended())
                    .filter(p -> YearMonth.from(date(p.doneAt() != null ? p.doneAt() : p.declinedAt()))
                            .equals(month))
                    .map(p -> p.rating().score())
                    .toList();
            return new DepartmentMonth(
                    due.size(),
                    due.stream().filter(c -> c.handledAt() != null).count(),
                    due.stream()
                            .filter(c -> c.handledAt() != null && !c.handledLate())
                            .count(),
                    due.stream()
                            .filter(c -> c.handledAt() == null
                                    && (c.handledLate() || c.resolveDue().isBefore(now)))
                            .count(),
                    due.stream().filter(c -> c.reworks() > 0).count(),
                    due.stream().filter(c -> c.extensions() > 0).count(),
                    scores);
        }

        long ratings() {
            return scores.size();
        }

        double ratingAverage() {
            return scores.stream().mapToInt(Integer::intValue).average().orElseThrow();
        }

        /** The same weights as a street's, each rate over the cases due (ADR 0025). */
        double composite() {
            return 30.0 * handled / due
                    + 20.0 * onTime / due
                    + 20 * (1 - (double) reworked / due)
                    + 20 * (1 - (double) overdue / due)
                    + 10 * (1 - (double) extended / due);
        }

        /** 案件指标 × 0.6 + 指挥中心评价 × 0.4 (the first department weights). */
        double score() {
            return composite() * 0.6 + ratingAverage() * 0.4;
        }
    }
}
