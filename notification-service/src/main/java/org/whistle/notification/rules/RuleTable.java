package org.whistle.notification.rules;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.whistle.notification.rules.domain.ChannelKind;
import org.whistle.notification.rules.domain.EventFacts;
import org.whistle.notification.rules.domain.Rule;
import org.whistle.notification.rules.domain.Selector;
import org.whistle.notification.rules.domain.UrgencyClass;

/** The rules as stored; read per event, so an administrator's edit applies to the next event. */
@Component
public class RuleTable {

    private final JdbcClient jdbc;

    RuleTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Rule> all() {
        return jdbc.sql("SELECT * FROM notification_rule ORDER BY id")
                .query(RuleTable::rule)
                .list();
    }

    public List<Rule> matching(EventFacts facts) {
        return all().stream().filter(rule -> rule.matches(facts)).toList();
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
