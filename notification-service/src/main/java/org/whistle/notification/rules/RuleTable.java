package org.whistle.notification.rules;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.whistle.notification.rules.domain.ChannelKind;
import org.whistle.notification.rules.domain.EventFacts;
import org.whistle.notification.rules.domain.Rule;
import org.whistle.notification.rules.domain.Selector;
import org.whistle.notification.rules.domain.UrgencyClass;

/**
 * The rules as stored, and the copy events are matched against: kept in memory with the revision it was read at
 * ({@code notification_rule_revision}, bumped by a trigger on any change, from any instance or by hand), and read again
 * only when {@link #refresh} finds that revision moved. The planner refreshes once per consumed batch, so an
 * administrator's edit applies from the next batch on every instance.
 */
@Component
public class RuleTable {

    private final JdbcClient jdbc;
    private final AtomicLong loads = new AtomicLong();
    private volatile Loaded loaded = new Loaded(Long.MIN_VALUE, List.of());

    /** The rules as read at one revision. */
    private record Loaded(long revision, List<Rule> rules) {}

    RuleTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Rule> all() {
        return jdbc.sql("SELECT * FROM notification_rule ORDER BY id")
                .query(RuleTable::rule)
                .list();
    }

    /** The rules an event meets, from the copy in memory as of the last {@link #refresh}. */
    public List<Rule> matching(EventFacts facts) {
        var current = loaded;
        if (current.revision() == Long.MIN_VALUE) {
            current = load();
        }
        return current.rules().stream().filter(rule -> rule.matches(facts)).toList();
    }

    /** Reads the revision (one row) and, when it moved since the copy was read, the rules with it. */
    public void refresh() {
        load();
    }

    private Loaded load() {
        long revision = revision();
        var current = loaded;
        if (current.revision() == revision) {
            return current;
        }
        // The revision is read before the rules: a change in between leaves this copy marked older than it is, and the
        // next refresh reads the rules again.
        var fresh = new Loaded(revision, List.copyOf(all()));
        loads.incrementAndGet();
        loaded = fresh;
        return fresh;
    }

    /** How many times the rules were read for matching since start: once, and once per change. */
    public long loads() {
        return loads.get();
    }

    private long revision() {
        return jdbc.sql("SELECT revision FROM notification_rule_revision")
                .query(Long.class)
                .single();
    }

    public Optional<Rule> find(long id) {
        return jdbc.sql("SELECT * FROM notification_rule WHERE id = :id")
                .param("id", id)
                .query(RuleTable::rule)
                .optional();
    }

    public Rule add(Rule rule) {
        long id = jdbc.sql("""
                        INSERT INTO notification_rule (event_type, qualifier, selector, channels, urgency, active, description)
                        VALUES (:eventType, :qualifier, :selector, :channels, :urgency, :active, :description)
                        RETURNING id
                        """).params(columns(rule)).query(Long.class).single();
        return find(id).orElseThrow();
    }

    public boolean replace(long id, Rule rule) {
        var params = columns(rule);
        params.put("id", id);
        return jdbc.sql("""
                        UPDATE notification_rule SET event_type = :eventType, qualifier = :qualifier,
                            selector = :selector, channels = :channels, urgency = :urgency, active = :active,
                            description = :description
                        WHERE id = :id
                        """).params(params).update() == 1;
    }

    public boolean remove(long id) {
        return jdbc.sql("DELETE FROM notification_rule WHERE id = :id")
                        .param("id", id)
                        .update()
                == 1;
    }

    private static java.util.Map<String, Object> columns(Rule rule) {
        var params = new java.util.HashMap<String, Object>();
        params.put("eventType", rule.eventType());
        params.put("qualifier", rule.qualifier());
        params.put("selector", rule.selector().name());
        params.put("channels", rule.channels().stream().map(Enum::name).toArray(String[]::new));
        params.put("urgency", rule.urgency().name());
        params.put("active", rule.active());
        params.put("description", rule.description());
        return params;
    }

    static String[] strings(Array array) throws SQLException {
        return (String[]) array.getArray();
    }

    private static Rule rule(ResultSet rs, int row) throws SQLException {
        return new Rule(
                rs.getLong("id"),
                rs.getString("event_type"),
                rs.getString("qualifier"),
                Selector.valueOf(rs.getString("selector")),
                Arrays.stream(strings(rs.getArray("channels")))
                        .map(ChannelKind::valueOf)
                        .toList(),
                UrgencyClass.valueOf(rs.getString("urgency")),
                rs.getBoolean("active"),
                rs.getString("description"));
    }
}
