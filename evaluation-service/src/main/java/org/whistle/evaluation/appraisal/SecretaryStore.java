package org.whistle.evaluation.appraisal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.whistle.evaluation.appraisal.domain.IndicatorSet;
import org.whistle.evaluation.appraisal.domain.SecretaryResult;
import org.whistle.problems.ConflictException;
import org.whistle.texts.Phrase;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Indicator sets, secretaries, their scores and hits (append-only) and their star changes. */
@Repository
class SecretaryStore {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final JdbcClient jdbc;

    SecretaryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A secretary as the register knows them. */
    record Secretary(
            UUID id, String communityId, String name, String level, LocalDate tookOffice, int stars, long version) {}

    /** One change of a secretary's stars. */
    record StarChange(
            long version,
            @Nullable Integer from,
            int to,
            String kind,
            String reason,
            String by,
            @Nullable String byName,
            Instant at) {}

    /** A score or hit as recorded, with who recorded it. */
    record ScoreEntry(
            String period,
            String code,
            @Nullable Double points,
            String evidence,
            String by,
            @Nullable String byName,
            Instant at) {}

    /** Adds a set with its indicators; false when a set of that id or that year and level exists already. */
    boolean addSet(IndicatorSet set, String by, Instant at) {
        int added = jdbc.sql("""
                        INSERT INTO indicator_set (set_id, year, level, name, basically_satisfied_weight,
                            star_thresholds, created_by, created_at)
                        VALUES (:id, :year, :level, :name, :weight, CAST(:stars AS JSONB), :by, :at)
                        ON CONFLICT DO NOTHING
                        """)
                .param("id", set.id())
                .param("year", set.year())
                .param("level", set.level())
                .param("name", set.name())
                .param("weight", set.basicallySatisfiedWeight())
                .param("stars", JSON.writeValueAsString(set.stars()))
                .param("by", by)
                .param("at", Timestamp.from(at))
                .update();
        if (added == 0) {
            return false;
        }
        int position = 0;
        for (var i : set.indicators()) {
            jdbc.sql("""
                            INSERT INTO indicator (set_id, code, position, grp, name, kind, source, points, target, stars)
                            VALUES (:set, :code, :position, :grp, :name, :kind, :source, :points, :target, :stars)
                            """)
                    .param("set", set.id())
                    .param("code", i.code())
                    .param("position", position++)
                    .param("grp", i.group())
                    .param("name", i.name())
                    .param("kind", i.kind().name())
                    .param("source", i.source() == null ? null : i.source().name())
                    .param("points", i.points())
                    .param("target", i.target())
                    .param("stars", i.stars())
                    .update();
        }
        return true;
    }

    List<IndicatorSet> sets(@Nullable Integer year) {
        var ids = jdbc.sql(
                        "SELECT set_id FROM indicator_set WHERE CAST(:year AS INTEGER) IS NULL OR year = CAST(:year AS INTEGER)"
                                // A null year has no type of its own: PostgreSQL needs the cast on both sides.
                                + " ORDER BY year, level")
                .param("year", year)
                .query(String.class)
                .list();
        return ids.stream().map(id -> set(id).orElseThrow()).toList();
    }

    Optional<IndicatorSet> set(String id) {
        var indicators = jdbc.sql("SELECT * FROM indicator WHERE set_id = :id ORDER BY position")
                .param("id", id)
                .query((rs, row) -> new IndicatorSet.Indicator(
                        rs.getString("code"),
                        rs.getString("grp"),
                        rs.getString("name"),
                        IndicatorSet.Kind.valueOf(rs.getString("kind")),
                        rs.getString("source") == null ? null : IndicatorSet.Source.valueOf(rs.getString("source")),
                        rs.getDouble("points"),
                        rs.getObject("target") == null ? null : rs.getDouble("target"),
                        rs.getInt("stars")))
                .list();
        return jdbc.sql("SELECT * FROM indicator_set WHERE set_id = :id")
                .param("id", id)
                .query((rs, row) -> new IndicatorSet(
                        rs.getString("set_id"),
                        rs.getInt("year"),
                        rs.getString("level"),
                        rs.getString("name"),
                        rs.getDouble("basically_satisfied_weight"),
                        JSON.readValue(
                                rs.getString("star_thresholds"),
                                new TypeReference<List<IndicatorSet.StarThreshold>>() {}),
                        indicators))
                .optional();
    }

    Optional<IndicatorSet> setFor(int year, String level) {
        return jdbc.sql("SELECT set_id FROM indicator_set WHERE year = :year AND level = :level")
                .param("year", year)
                .param("level", level)
                .query(String.class)
                .optional()
                .flatMap(this::set);
    }

    /** Registers a secretary with their first stars; false when the community has them already. */
    boolean addSecretary(Secretary s, String reason, String by, @Nullable String byName, Instant at) {
        int added = jdbc.sql("""
                        INSERT INTO secretary (secretary_id, community_id, name, set_level, took_office, stars, version)
                        VALUES (:id, :community, :name, :level, :tookOffice, :stars, 1)
                        ON CONFLICT DO NOTHING
                        """)
                .param("id", s.id())
                .param("community", s.communityId())
                .param("name", s.name())
                .param("level", s.level())
                .param("tookOffice", s.tookOffice())
                .param("stars", s.stars())
                .update();
        if (added == 0) {
            return false;
        }
        starChange(s.id(), 1, null, s.stars(), "INITIAL", reason, by, byName, at);
        return true;
    }

    Optional<Secretary> secretary(UUID id) {
        return jdbc.sql("SELECT * FROM secretary WHERE secretary_id = :id")
                .param("id", id)
                .query(SecretaryStore::secretary)
                .optional();
    }

    /**
     * A secretary's automatic indicators as their quarter or year froze them ({@code original}) and as adjusted since
     * ({@code rates}, the same until an adjustment).
     */
    record FrozenRates(
            Map<IndicatorSet.Source, @Nullable Double> rates,
            Map<IndicatorSet.Source, @Nullable Double> original,
            Instant at) {}

    /** An adjustment of a secretary's frozen indicators: who, why, when, and the figures before and after. */
    record RatesAdjustment(
            String reason,
            String by,
            @Nullable String byName,
            Instant at,
            Map<IndicatorSet.Source, @Nullable Double> before,
            Map<IndicatorSet.Source, @Nullable Double> after) {}

    private static final TypeReference<Map<IndicatorSet.Source, @Nullable Double>> RATES = new TypeReference<>() {};

    Optional<FrozenRates> frozenRates(String periodCode, UUID secretary) {
        return frozenRates(periodCode, secretary, "");
    }

    /** The frozen indicators, locked until the transaction ends: an adjustment reads and replaces them. */
    Optional<FrozenRates> frozenRatesForUpdate(String periodCode, UUID secretary) {
        return frozenRates(periodCode, secretary, " FOR UPDATE");
    }

    private Optional<FrozenRates> frozenRates(String periodCode, UUID secretary, String lock) {
        return jdbc.sql("""
                        SELECT rates::text AS rates, original_rates::text AS original, frozen_at
                        FROM frozen_secretary_rates WHERE period_code = :code AND secretary_id = :id""" + lock)
                .param("code", periodCode)
                .param("id", secretary)
                .query((rs, row) -> new FrozenRates(
                        rates(rs.getString("rates")),
                        rates(rs.getString("original")),
                        rs.getTimestamp("frozen_at").toInstant()))
                .optional();
    }

    /** Replaces a secretary's frozen indicators with adjusted ones and records the adjustment. */
    void adjustRates(String periodCode, UUID secretary, RatesAdjustment adjustment) {
        jdbc.sql("""
                        UPDATE frozen_secretary_rates SET rates = CAST(:rates AS jsonb)
                        WHERE period_code = :code AND secretary_id = :id""")
                .param("rates", JsonMapper.shared().writeValueAsString(adjustment.after()))
                .param("code", periodCode)
                .param("id", secretary)
                .update();
        jdbc.sql("""
                        INSERT INTO secretary_rates_adjustment (period_code, secretary_id, reason, author, author_name,
                            created_at, before_rates, after_rates)
                        VALUES (:code, :id, :reason, :by, :byName, :at, CAST(:before AS jsonb), CAST(:after AS jsonb))""")
                .param("code", periodCode)
                .param("id", secretary)
                .param("reason", adjustment.reason())
                .param("by", adjustment.by())
                .param("byName", adjustment.byName())
                .param("at", Timestamp.from(adjustment.at()))
                .param("before", JsonMapper.shared().writeValueAsString(adjustment.before()))
                .param("after", JsonMapper.shared().writeValueAsString(adjustment.after()))
                .update();
    }

    /** The adjustments of a secretary's frozen indicators for one quarter or year, oldest first. */
    List<RatesAdjustment> ratesAdjustments(String periodCode, UUID secretary) {
        return jdbc.sql("""
                        SELECT reason, author, author_name, created_at, before_rates::text AS before,
                            after_rates::text AS after
                        FROM secretary_rates_adjustment WHERE period_code = :code AND secretary_id = :id ORDER BY id""")
                .param("code", periodCode)
                .param("id", secretary)
                .query((rs, row) -> new RatesAdjustment(
                        rs.getString("reason"),
                        rs.getString("author"),
                        rs.getString("author_name"),
                        rs.getTimestamp("created_at").toInstant(),
                        rates(rs.getString("before")),
                        rates(rs.getString("after"))))
                .list();
    }

    private static Map<IndicatorSet.Source, @Nullable Double> rates(String json) {
        Map<IndicatorSet.Source, @Nullable Double> rates = new EnumMap<>(IndicatorSet.Source.class);
        rates.putAll(JsonMapper.shared().readValue(json, RATES));
        return rates;
    }

    void freezeRates(String periodCode, UUID secretary, Map<IndicatorSet.Source, @Nullable Double> rates, Instant at) {
        jdbc.sql("""
                        INSERT INTO frozen_secretary_rates (period_code, secretary_id, rates, original_rates, frozen_at)
                        VALUES (:code, :id, CAST(:rates AS jsonb), CAST(:rates AS jsonb), :at)
                        ON CONFLICT DO NOTHING""")
                .param("code", periodCode)
                .param("id", secretary)
                .param("rates", JsonMapper.shared().writeValueAsString(rates))
                .param("at", Timestamp.from(at))
                .update();
    }

    List<Secretary> secretaries() {
        return jdbc.sql("SELECT * FROM secretary ORDER BY community_id, name")
                .query(SecretaryStore::secretary)
                .list();
    }

    /** Sets the stars, on the version read, with the change's record. */
    void changeStars(Secretary s, int to, String kind, String reason, String by, @Nullable String byName, Instant at) {
        int changed = jdbc.sql("""
                        UPDATE secretary SET stars = :stars, version = version + 1
                        WHERE secretary_id = :id AND version = :version
                        """)
                .param("stars", to)
                .param("id", s.id())
                .param("version", s.version())
                .update();
        if (changed != 1) {
            throw new ConflictException(Phrase.of("evaluation.refusal.starsChanged"));
        }
        starChange(s.id(), s.version() + 1, s.stars(), to, kind, reason, by, byName, at);
    }

    List<StarChange> starHistory(UUID id) {
        return jdbc.sql("SELECT * FROM star_change WHERE secretary_id = :id ORDER BY version")
                .param("id", id)
                .query((rs, row) -> new StarChange(
                        rs.getLong("version"),
                        (Integer) rs.getObject("from_stars"),
                        rs.getInt("to_stars"),
                        rs.getString("kind"),
                        rs.getString("reason"),
                        rs.getString("changed_by"),
                        rs.getString("changed_by_name"),
                        rs.getTimestamp("changed_at").toInstant()))
                .list();
    }

    void addScore(UUID secretary, String set, ScoreEntry e) {
        jdbc.sql("""
                        INSERT INTO secretary_score (secretary_id, set_id, period, code, points, evidence, scored_by,
                            scored_by_name, scored_at)
                        VALUES (:secretary, :set, :period, :code, :points, :evidence, :by, :name, :at)
                        """)
                .param("secretary", secretary)
                .param("set", set)
                .param("period", e.period())
                .param("code", e.code())
                .param("points", e.points())
                .param("evidence", e.evidence())
                .param("by", e.by())
                .param("name", e.byName())
                .param("at", Timestamp.from(e.at()))
                .update();
    }

    /**
     * What stands for the periods: the newest score of each manual item per period, and every hit of a negative or
     * veto item.
     */
    List<SecretaryResult.Scored> standing(UUID secretary, String set, List<String> periods) {
        var result = new ArrayList<SecretaryResult.Scored>();
        jdbc.sql("""
                        SELECT DISTINCT ON (s.period, s.code) s.period, s.code, s.points, s.evidence
                        FROM secretary_score s JOIN indicator i ON i.set_id = s.set_id AND i.code = s.code
                        WHERE s.secretary_id = :secretary AND s.set_id = :set AND s.period = ANY(:periods)
                            AND i.kind = 'MANUAL'
                        ORDER BY s.period, s.code, s.id DESC
                        """)
                .param("secretary", secretary)
                .param("set", set)
                .param("periods", periods.toArray(String[]::new))
                .query((rs, row) -> result.add(scored(rs)))
                .list();
        jdbc.sql("""
                        SELECT s.period, s.code, s.points, s.evidence
                        FROM secretary_score s JOIN indicator i ON i.set_id = s.set_id AND i.code = s.code
                        WHERE s.secretary_id = :secretary AND s.set_id = :set AND s.period = ANY(:periods)
                            AND i.kind IN ('NEGATIVE', 'VETO')
                        ORDER BY s.id
                        """)
                .param("secretary", secretary)
                .param("set", set)
                .param("periods", periods.toArray(String[]::new))
                .query((rs, row) -> result.add(scored(rs)))
                .list();
        return result;
    }

    List<ScoreEntry> scoreHistory(UUID secretary, String set) {
        return jdbc.sql("SELECT * FROM secretary_score WHERE secretary_id = :secretary AND set_id = :set ORDER BY id")
                .param("secretary", secretary)
                .param("set", set)
                .query((rs, row) -> new ScoreEntry(
                        rs.getString("period"),
                        rs.getString("code"),
                        rs.getObject("points") == null ? null : rs.getDouble("points"),
                        rs.getString("evidence"),
                        rs.getString("scored_by"),
                        rs.getString("scored_by_name"),
                        rs.getTimestamp("scored_at").toInstant()))
                .list();
    }

    private static SecretaryResult.Scored scored(ResultSet rs) throws SQLException {
        return new SecretaryResult.Scored(
                rs.getString("code"),
                rs.getString("period"),
                rs.getObject("points") == null ? null : rs.getDouble("points"),
                rs.getString("evidence"));
    }

    private void starChange(
            UUID id,
            long version,
            @Nullable Integer from,
            int to,
            String kind,
            String reason,
            String by,
            @Nullable String byName,
            Instant at) {
        jdbc.sql("""
                        INSERT INTO star_change (secretary_id, version, from_stars, to_stars, kind, reason, changed_by,
                            changed_by_name, changed_at)
                        VALUES (:id, :version, :from, :to, :kind, :reason, :by, :name, :at)
                        """)
                .param("id", id)
                .param("version", version)
                .param("from", from)
                .param("to", to)
                .param("kind", kind)
                .param("reason", reason)
                .param("by", by)
                .param("name", byName)
                .param("at", Timestamp.from(at))
                .update();
    }

    private static Secretary secretary(ResultSet rs, int row) throws SQLException {
        return new Secretary(
                rs.getObject("secretary_id", UUID.class),
                rs.getString("community_id"),
                rs.getString("name"),
                rs.getString("set_level"),
                rs.getObject("took_office", LocalDate.class),
                rs.getInt("stars"),
                rs.getLong("version"));
    }
}
