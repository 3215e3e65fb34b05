package org.whistle.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import org.whistle.notification.NotificationProperties;
import org.whistle.testing.DatabaseCoordinates;
import org.whistle.testing.TestInfrastructure;

/**
 * What an idle sender costs the notification database, measured on the real embedded PostgreSQL: the commits of a
 * fixed number of timer ticks (release + poll) in a database of its own, with nothing held back and with 10,000
 * held-back reporter groups whose window is still closed. Time is an injected clock advanced one poll per tick.
 */
class IdleCostTest {

    private static final int TICKS = 20;
    private static final Duration WINDOW = Duration.ofHours(1);

    private DatabaseCoordinates database;
    private JdbcClient reader;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-04T08:00:00Z"));

    @BeforeEach
    void database() {
        database = TestInfrastructure.get().newDatabase("notification-idle-cost");
        Flyway.configure()
                .dataSource(database.dataSource())
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    @Test
    void idleCommitsPerTickStayFlatFromNothingHeldBackToTenThousandGroups() {
        long idle = commitsOver(TICKS);

        holdBack(10_000, clock.instant().minus(Duration.ofMinutes(10)));
        long loaded = commitsOver(TICKS);

        System.out.printf(
                "idle cost: %d commits over %d ticks with 0 groups held back, %d with 10,000%n", idle, TICKS, loaded);
        // A few commits either way belong to opening the connection (and an autovacuum that may pass), not the ticks.
        assertThat(loaded).as("commits with 10,000 groups held back").isBetween(idle - 3, idle + 3);
        assertThat(idle).as("one release and one poll per tick").isLessThanOrEqualTo(2L * TICKS + 3);
        assertThat(count("SELECT count(*) FROM delivery WHERE status = 'DEFERRED'"))
                .as("nothing was due, nothing released")
                .isEqualTo(10_000);
    }

    @Test
    void releasesDueGroupsAsOneDigestEachAndPostponesThoseAnUrgentMessageKeepsFull() {
        var t0 = clock.instant();
        var allowed = UUID.randomUUID();
        var full = UUID.randomUUID();
        var notDue = UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            insert(allowed, "SENT", "已发送 " + i, t0, null);
            insert(full, "SENT", "已发送 " + i, t0, null);
            insert(notDue, "SENT", "已发送 " + i, t0.plus(Duration.ofMinutes(30)), null);
        }
        long first = insert(allowed, "DEFERRED", "第一条", t0.plusSeconds(60), t0.plus(WINDOW));
        long second = insert(allowed, "DEFERRED", "第二条", t0.plusSeconds(120), t0.plus(WINDOW));
        for (int i = 0; i < 3; i++) {
            // urgent ones always go out, and fill the window of a group held back before them
            insert(full, "SENT", "督办 " + i, t0.plus(Duration.ofMinutes(30)), null);
        }
        long waiting = insert(full, "DEFERRED", "等待", t0.plusSeconds(60), t0.plus(WINDOW));
        long later = insert(notDue, "DEFERRED", "稍后", t0.plus(Duration.ofMinutes(31)), t0.plus(Duration.ofMinutes(90)));
        clock.set(t0.plus(WINDOW).plusSeconds(1));

        int released = log(database.dataSource()).releaseDue(clock.instant(), 3, WINDOW);

        assertThat(released).isEqualTo(1);
        var jdbc = jdbc(database.dataSource());
        var digest = jdbc.sql("SELECT status, template, title, body, release_at FROM delivery WHERE id = :id")
                .param("id", second)
                .query()
                .singleRow();
        assertThat(digest)
                .containsEntry("status", "PENDING")
                .containsEntry("template", "digest")
                .containsEntry("title", "您的哨情有新进展")
                .containsEntry("body", "最新进展（2 条）：\n· 第一条\n· 第二条");
        assertThat(digest.get("release_at")).isNull();
        assertThat(jdbc.sql("SELECT status, digest_into FROM delivery WHERE id = :id")
                        .param("id", first)
                        .query()
                        .singleRow())
                .containsEntry("status", "DIGESTED")
                .containsEntry("digest_into", second);
        assertThat(jdbc.sql("SELECT status, release_at FROM delivery WHERE id = :id")
                        .param("id", waiting)
                        .query()
                        .singleRow())
                .containsEntry("status", "DEFERRED")
                .containsEntry("release_at", Timestamp.from(t0.plus(Duration.ofMinutes(90))));
        assertThat(jdbc.sql("SELECT status FROM delivery WHERE id = :id")
                        .param("id", later)
                        .query(String.class)
                        .single())
                .isEqualTo("DEFERRED");
    }

    /** Commits the notification database records over {@code ticks} timer ticks of an idle sender. */
    private long commitsOver(int ticks) {
        long before = settledCommits(0);
        // One connection, closed at the end: its backend reports its counts to the statistics when it exits.
        var connection =
                new SingleConnectionDataSource(database.jdbcUrl(), database.username(), database.password(), true);
        try {
            var sender = new SendingDeliveries(log(connection), List.of(), properties(), clock);
            for (int i = 0; i < ticks; i++) {
                clock.advance(Duration.ofMillis(500));
                sender.releaseDigests();
                sender.drain();
            }
        } finally {
            connection.destroy();
        }
        return settledCommits(before + ticks) - before;
    }

    /**
     * The database's committed transactions once the statistics collector has caught up: at least {@code atLeast}, and
     * the same in two readings in a row (nobody else uses this database).
     */
    private long settledCommits(long atLeast) {
        if (reader == null) {
            reader = jdbc(TestInfrastructure.get().newDatabase("stats-reader").dataSource());
        }
        var reader = this.reader;
        var name = database.jdbcUrl().substring(database.jdbcUrl().lastIndexOf('/') + 1);
        long[] last = {-1};
        return await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(700))
                .until(
                        () -> {
                            long now = reader.sql("SELECT xact_commit FROM pg_stat_database WHERE datname = :name")
                                    .param("name", name.contains("?") ? name.substring(0, name.indexOf('?')) : name)
                                    .query(Long.class)
                                    .single();
                            boolean settled = now == last[0] && now >= atLeast;
                            last[0] = now;
                            return settled ? now : null;
                        },
                        value -> value != null);
    }

    private void holdBack(int groups, Instant sentAt) {
        var jdbc = jdbc(database.dataSource());
        jdbc.sql("""
                        INSERT INTO delivery (event_id, event_type, whistle_id, recipient, channel, urgency, status,
                            title, template, body, payload, created_at, release_at)
                        SELECT gen_random_uuid(), 'whistle-routed', g.w, 'reporter:' || g.w, 'SMS', 'ROUTINE',
                            CASE WHEN k < 3 THEN 'SENT' ELSE 'DEFERRED' END, '您的哨情已受理', 'whistle-routed.FILED',
                            '您反映的问题（〔查询码〕）已受理。', '{}', CAST(:sentAt AS timestamptz) + k * interval '1 second',
                            CASE WHEN k = 3 THEN CAST(:sentAt AS timestamptz) + interval '1 hour' END
                        FROM (SELECT gen_random_uuid() AS w FROM generate_series(1, :groups)) g,
                            generate_series(0, 3) k
                        """)
                .param("sentAt", Timestamp.from(sentAt))
                .param("groups", groups)
                .update();
        jdbc.sql("ANALYZE delivery").update();
    }

    private long insert(UUID whistle, String status, String body, Instant at, Instant releaseAt) {
        return jdbc(database.dataSource())
                .sql("""
                        INSERT INTO delivery (event_id, event_type, whistle_id, recipient, channel, urgency, status,
                            title, template, body, payload, created_at, release_at)
                        VALUES (:event, 'whistle-routed', :whistle, :recipient, 'SMS', 'ROUTINE', :status, '标题',
                            'whistle-routed.FILED', :body, '{}', :at, :releaseAt)
                        RETURNING id
                        """)
                .param("event", UUID.randomUUID())
                .param("whistle", whistle)
                .param("recipient", "reporter:" + whistle)
                .param("status", status)
                .param("body", body)
                .param("at", Timestamp.from(at))
                .param("releaseAt", releaseAt == null ? null : Timestamp.from(releaseAt))
                .query(Long.class)
                .single();
    }

    private long count(String sql) {
        return jdbc(database.dataSource()).sql(sql).query(Long.class).single();
    }

    private static JdbcClient jdbc(DataSource dataSource) {
        return JdbcClient.create(dataSource);
    }

    private static DeliveryLog log(DataSource dataSource) {
        return new DeliveryLog(
                JdbcClient.create(dataSource), new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    }

    private static NotificationProperties properties() {
        return new NotificationProperties(
                3,
                WINDOW,
                "http://localhost:8080/track/",
                Duration.ofMillis(500),
                Duration.ofMinutes(5),
                Duration.ofMillis(500),
                8,
                null,
                null,
                new NotificationProperties.Client(null, null, null),
                new NotificationProperties.Webhooks(5, false, List.of()),
                NotificationProperties.Provider.development(),
                NotificationProperties.Provider.development(),
                new NotificationProperties.Live(Duration.ofSeconds(15), Duration.ofMinutes(30), null, 10),
                Map.of());
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {

        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        void set(Instant to) {
            now = to;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
