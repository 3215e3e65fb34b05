package org.whistle.systemtests.bench;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.whistle.events.EventCodec;
import org.whistle.events.Topics;
import org.whistle.events.WhistleEscalated;

/**
 * What must hold after faults, checked against the services' databases and the topics as consumers read them. Each
 * check returns an outcome with its counts; none of them sleeps to wait: where the platform may still be catching up,
 * a check polls until its deadline.
 */
final class Invariants {

    /** One invariant's result: whether it held, what was checked, and the first violations. */
    record Outcome(String name, boolean held, String detail) {}

    /** Timeline actions dispatch does not publish (ADR 0009); every other entry has an event of its revision. */
    static final Set<String> UNPUBLISHED = Set.of(
            "RAISE",
            "SET_PRIORITY",
            "RECATEGORISE",
            "REQUEST_EXTENSION",
            "REFUSE_EXTENSION",
            "MERGED_IN",
            "FOLLOW_UP_RESOLVED",
            "FOLLOW_UP_NOT_RESOLVED",
            "FOLLOW_UP_IGNORED");

    static final List<String> TICKET_TOPICS =
            List.of(Topics.WHISTLE_ROUTED, Topics.WHISTLE_REPORTED, Topics.WHISTLE_CLOSED);

    private Invariants() {}

    /**
     * Every whistle acknowledged with 201 is in intake and has exactly one ticket in dispatch, once dispatch has
     * caught up (polled until {@code patience}).
     */
    static Outcome everyAcknowledgedWhistleHasOneTicket(Platform platform, Collection<String> acked, Duration patience)
            throws SQLException, InterruptedException {
        var ids = acked.stream().map(UUID::fromString).toArray(UUID[]::new);
        long deadline = System.nanoTime() + patience.toNanos();
        Map<UUID, Integer> tickets;
        long waited = System.nanoTime();
        while (true) {
            tickets = counts(
                    platform,
                    "dispatch",
                    "SELECT whistle_id, count(*) FROM ticket WHERE whistle_id = ANY (?)" + " GROUP BY whistle_id",
                    ids);
            if (tickets.size() == ids.length || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(500);
        }
        var inIntake = counts(
                platform,
                "intake",
                "SELECT whistle_id, count(*) FROM whistle WHERE whistle_id = ANY (?) GROUP BY whistle_id",
                ids);
        var problems = new ArrayList<String>();
        for (var id : ids) {
            int n = tickets.getOrDefault(id, 0);
            if (n != 1) {
                problems.add(id + " has " + n + " tickets");
            }
            if (inIntake.getOrDefault(id, 0) != 1) {
                problems.add(id + " is not in intake");
            }
        }
        return new Outcome(
                "every whistle acknowledged with 201 has exactly one ticket",
                problems.isEmpty(),
                "%,d acknowledged whistles, %,d with exactly one ticket (dispatch caught up %.1f s after the load stopped)%s"
                        .formatted(
                                ids.length,
                                tickets.values().stream().filter(n -> n == 1).count(),
                                (System.nanoTime() - waited) / 1e9,
                                first(problems)));
    }

    private static Map<UUID, Integer> counts(Platform platform, String database, String sql, UUID[] ids)
            throws SQLException {
        var result = new HashMap<UUID, Integer>();
        try (var connection = platform.connect(database);
                var query = connection.prepareStatement(sql)) {
            query.setArray(1, connection.createArrayOf("uuid", ids));
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    result.put(rows.getObject(1, UUID.class), rows.getInt(2));
                }
            }
        }
        return result;
    }

    /**
     * Each ticket's events on each of dispatch's topics come in rising revision order once repeated deliveries of one
     * event (the outbox republishes a batch whose commit it lost; consumers drop them by event id) are set aside; no
     * two different events carry one revision; every published change on the ticket's timeline is on a topic, and
     * nothing on a topic is missing from the timeline.
     */
    static Outcome ticketEventsInRevisionOrder(
            Platform platform, Collection<String> whistles, List<TopicWatcher.Seen> seen) throws SQLException {
        var wanted = new HashSet<>(whistles);
        var byWhistleAndTopic = new HashMap<String, List<TopicWatcher.Seen>>();
        for (var record : seen) {
            if (TICKET_TOPICS.contains(record.topic()) && record.key() != null && wanted.contains(record.key())) {
                byWhistleAndTopic
                        .computeIfAbsent(record.key() + " " + record.topic(), k -> new ArrayList<>())
                        .add(record);
            }
        }
        var problems = new ArrayList<String>();
        var revisionsOnTopics = new HashMap<String, Map<Long, String>>();
        long events = 0;
        long repeats = 0;
        for (var entry : byWhistleAndTopic.entrySet()) {
            var records = entry.getValue();
            records.sort(
                    Comparator.comparingInt(TopicWatcher.Seen::partition).thenComparingLong(TopicWatcher.Seen::offset));
            var ids = new HashSet<UUID>();
            long last = Long.MIN_VALUE;
            for (var record : records) {
                var envelope = EventCodec.instance().decode(record.value());
                if (!ids.add(envelope.id())) {
                    repeats++;
                    continue;
                }
                events++;
                if (envelope.revision() <= last) {
                    problems.add("%s: revision %d after %d at offset %d"
                            .formatted(entry.getKey(), envelope.revision(), last, record.offset()));
                }
                last = envelope.revision();
                var other = revisionsOnTopics
                        .computeIfAbsent(record.key(), k -> new TreeMap<>())
                        .put(envelope.revision(), envelope.id() + " " + record.topic());
                if (other != null && !other.startsWith(envelope.id().toString())) {
                    problems.add("%s: revision %d carried by two events, %s and %s"
                            .formatted(record.key(), envelope.revision(), other, envelope.id()));
                }
            }
        }
        // Against the timelines: every published change is on a topic, and every event is a change on the timeline.
        var timelines = new HashMap<String, Map<Long, String>>();
        var redListings = new HashMap<String, List<Boolean>>();
        try (var connection = platform.connect("dispatch")) {
            var ids = connection.createArrayOf(
                    "uuid", whistles.stream().map(UUID::fromString).toArray());
            try (var query = connection.prepareStatement("SELECT t.whistle_id, e.sequence, e.action FROM ticket t"
                    + " JOIN ticket_timeline_entry e ON e.ticket_id = t.id WHERE t.whistle_id = ANY (?)")) {
                query.setArray(1, ids);
                try (var rows = query.executeQuery()) {
                    while (rows.next()) {
                        timelines
                                .computeIfAbsent(rows.getObject(1, UUID.class).toString(), k -> new TreeMap<>())
                                .put(rows.getLong(2), rows.getString(3));
                    }
                }
            }
            // An escalation at city level red-lists instead of raising the level: a RAISE_LEVEL entry, unpublished.
            try (var query = connection.prepareStatement("SELECT t.whistle_id, s.red_list FROM ticket t"
                    + " JOIN ticket_supervision_order s ON s.ticket_id = t.id WHERE t.whistle_id = ANY (?)"
                    + " ORDER BY t.whistle_id, s.number")) {
                query.setArray(1, ids);
                try (var rows = query.executeQuery()) {
                    while (rows.next()) {
                        redListings
                                .computeIfAbsent(rows.getObject(1, UUID.class).toString(), k -> new ArrayList<>())
                                .add(rows.getBoolean(2));
                    }
                }
            }
        }
        long missing = 0;
        for (var timeline : timelines.entrySet()) {
            var published = revisionsOnTopics.getOrDefault(timeline.getKey(), Map.of());
            var orders = redListings.getOrDefault(timeline.getKey(), List.of());
            int raise = 0;
            for (var change : timeline.getValue().entrySet()) {
                boolean redListing = false;
                if (change.getValue().equals("RAISE_LEVEL")) {
                    redListing = raise < orders.size() && orders.get(raise);
                    raise++;
                }
                if (!UNPUBLISHED.contains(change.getValue())
                        && !redListing
                        && !published.containsKey(change.getKey())) {
                    missing++;
                    problems.add("%s: %s (revision %d) is on the timeline but on no topic"
                            .formatted(timeline.getKey(), change.getValue(), change.getKey()));
                }
            }
            for (var revision : published.keySet()) {
                if (!timeline.getValue().containsKey(revision)) {
                    problems.add(
                            "%s: an event of revision %d is on no timeline".formatted(timeline.getKey(), revision));
                }
            }
        }
        return new Outcome(
                "every ticket's events are in order by revision",
                problems.isEmpty(),
                ("%,d events of %,d tickets on %s; %,d repeated deliveries of an event already seen (same id, set"
                                + " aside); %,d timeline changes missing from the topics%s")
                        .formatted(
                                events,
                                timelines.size(),
                                String.join(", ", TICKET_TOPICS),
                                repeats,
                                missing,
                                first(problems)));
    }

    /**
     * No clock's warning or escalation is on {@code whistle-escalated} twice (read_committed, exactly-once), and no
     * recipient was given a notification of one clock's escalation, or of one ticket revision, twice.
     */
    static Outcome noEscalationOrNotificationTwice(
            Platform platform, Collection<String> whistles, List<TopicWatcher.Seen> seen) throws SQLException {
        var problems = new ArrayList<String>();
        var perClock = new HashMap<String, Integer>();
        for (var record : seen) {
            if (!record.topic().equals(Topics.WHISTLE_ESCALATED)) {
                continue;
            }
            if (EventCodec.instance().decode(record.value()).data() instanceof WhistleEscalated escalated) {
                var key = escalated.clockId() + " " + escalated.kind();
                if (perClock.merge(key, 1, Integer::sum) == 2) {
                    problems.add(key + " published twice");
                }
            }
        }
        long escalations =
                perClock.keySet().stream().filter(k -> k.endsWith("ESCALATION")).count();
        var ids = whistles.stream().map(UUID::fromString).toArray();
        long deliveries;
        try (var connection = platform.connect("notification")) {
            try (var count = connection.prepareStatement("SELECT count(*) FROM delivery WHERE whistle_id = ANY (?)")) {
                count.setArray(1, connection.createArrayOf("uuid", ids));
                try (var rows = count.executeQuery()) {
                    rows.next();
                    deliveries = rows.getLong(1);
                }
            }
            try (var twice = connection.prepareStatement("""
                    SELECT payload::jsonb #>> '{data,clockId}', payload::jsonb #>> '{data,kind}', recipient, channel,
                           target, count(*)
                    FROM delivery WHERE event_type = 'whistle-escalated' AND whistle_id = ANY (?)
                    GROUP BY 1, 2, 3, 4, 5 HAVING count(*) > 1""")) {
                twice.setArray(1, connection.createArrayOf("uuid", ids));
                try (var rows = twice.executeQuery()) {
                    while (rows.next()) {
                        problems.add("%s %s told to %s by %s%s %d times"
                                .formatted(
                                        rows.getString(1),
                                        rows.getString(2),
                                        rows.getString(3),
                                        rows.getString(4),
                                        rows.getString(5).isEmpty() ? "" : " " + rows.getString(5),
                                        rows.getInt(6)));
                    }
                }
            }
            try (var twice = connection.prepareStatement("""
                    SELECT whistle_id, event_type, payload::jsonb ->> 'revision', recipient, channel, target, count(*)
                    FROM delivery WHERE event_type <> 'whistle-escalated' AND whistle_id = ANY (?)
                    GROUP BY 1, 2, 3, 4, 5, 6 HAVING count(*) > 1""")) {
                twice.setArray(1, connection.createArrayOf("uuid", ids));
                try (var rows = twice.executeQuery()) {
                    while (rows.next()) {
                        problems.add("%s %s revision %s told to %s by %s %d times"
                                .formatted(
                                        rows.getString(1),
                                        rows.getString(2),
                                        rows.getString(3),
                                        rows.getString(4),
                                        rows.getString(5),
                                        rows.getInt(7)));
                    }
                }
            }
        }
        return new Outcome(
                "no escalation or notification delivered twice for one clock/recipient",
                problems.isEmpty(),
                ("%,d clock warnings and escalations on whistle-escalated (%,d escalations); %,d deliveries planned"
                                + " for the run's whistles, grouped by clock (escalations) or revision (the rest) and"
                                + " recipient, channel and target%s")
                        .formatted(perClock.size(), escalations, deliveries, first(problems)));
    }

    private static String first(List<String> problems) {
        if (problems.isEmpty()) {
            return "";
        }
        return ". VIOLATIONS (" + problems.size() + "): "
                + String.join("; ", problems.subList(0, Math.min(5, problems.size())));
    }
}
