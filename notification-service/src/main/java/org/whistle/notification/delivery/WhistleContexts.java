package org.whistle.notification.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.whistle.events.CommandLevel;
import org.whistle.events.EventEnvelope;
import org.whistle.events.Reporter;
import org.whistle.events.WhistleRaised;
import org.whistle.events.WhistleReported;
import org.whistle.events.WhistleRouted;
import org.whistle.events.WhistleSupervised;
import org.whistle.orgreference.copy.OrgReferenceCopy;

/**
 * Learns from each event what later ones will not say: the reporter and area from the raised event, the owning centre
 * and lead unit from routing and reports. Known values are kept when an event does not carry them.
 */
@Component
public class WhistleContexts {

    private final JdbcClient jdbc;
    private final OrgReferenceCopy org;
    private final Clock clock;

    WhistleContexts(JdbcClient jdbc, OrgReferenceCopy org, Clock clock) {
        this.jdbc = jdbc;
        this.org = org;
        this.clock = clock;
    }

    public Optional<WhistleContext> find(UUID whistleId) {
        return jdbc.sql("SELECT * FROM whistle_context WHERE whistle_id = :id")
                .param("id", whistleId)
                .query(WhistleContexts::context)
                .optional();
    }

    /** Records what this event tells and returns everything known of its whistle. */
    WhistleContext learn(EventEnvelope<?> event) {
        var whistle = event.whistleId();
        if (whistle == null) {
            throw new IllegalArgumentException("not a whistle event: " + event.type());
        }
        var columns = new HashMap<String, @Nullable Object>();
        columns.put("id", whistle.value());
        columns.put("areaNode", null);
        columns.put("owningCentre", null);
        columns.put("leadUnit", null);
        columns.put("reporterKind", null);
        columns.put("reporterUser", null);
        columns.put("reporterPhone", null);
        columns.put("ticketNumber", null);
        columns.put("categoryCode", null);
        columns.put("channel", null);
        columns.put("now", Timestamp.from(clock.instant()));
        switch (event.data()) {
            case WhistleRaised raised -> {
                var area = raised.gridId() != null ? raised.gridId() : raised.streetId();
                columns.put("areaNode", area);
                columns.put("owningCentre", area == null ? null : centreFor(area));
                columns.put("reporterKind", raised.reporter().kind().name());
                columns.put("reporterUser", raised.reporter().userId());
                columns.put("reporterPhone", raised.reporter().maskedPhone());
                columns.put("categoryCode", raised.categoryCode());
                columns.put("channel", raised.channel().name());
            }
            case WhistleRouted routed -> {
                columns.put("owningCentre", routed.owningCentreId());
                columns.put("ticketNumber", routed.ticketNumber());
                columns.put("categoryCode", routed.categoryCode());
                routed.summons().stream()
                        .filter(WhistleRouted.Summons::lead)
                        .findFirst()
                        .ifPresent(lead -> columns.put("leadUnit", lead.unitId()));
            }
            case WhistleSupervised supervised -> {
                columns.put("owningCentre", supervised.owningCentreId());
                columns.put("ticketNumber", supervised.ticketNumber());
            }
            case WhistleReported reported when reported.lead() -> columns.put("leadUnit", reported.unitId());
            default -> {}
        }
        jdbc.sql("""
                        INSERT INTO whistle_context AS c (whistle_id, area_node, owning_centre, lead_unit,
                            reporter_kind, reporter_user, reporter_phone_masked, ticket_number, category_code,
                            channel, updated_at)
                        VALUES (:id, :areaNode, :owningCentre, :leadUnit, :reporterKind, :reporterUser,
                            :reporterPhone, :ticketNumber, :categoryCode, :channel, :now)
                        ON CONFLICT (whistle_id) DO UPDATE SET
                            area_node = COALESCE(EXCLUDED.area_node, c.area_node),
                            owning_centre = COALESCE(EXCLUDED.owning_centre, c.owning_centre),
                            lead_unit = COALESCE(EXCLUDED.lead_unit, c.lead_unit),
                            reporter_kind = COALESCE(EXCLUDED.reporter_kind, c.reporter_kind),
                            reporter_user = COALESCE(EXCLUDED.reporter_user, c.reporter_user),
                            reporter_phone_masked = COALESCE(EXCLUDED.reporter_phone_masked, c.reporter_phone_masked),
                            ticket_number = COALESCE(EXCLUDED.ticket_number, c.ticket_number),
                            category_code = COALESCE(EXCLUDED.category_code, c.category_code),
                            channel = COALESCE(EXCLUDED.channel, c.channel),
                            updated_at = EXCLUDED.updated_at
                        """).params(columns).update();
        return find(whistle.value()).orElseThrow();
    }

    /** The street centre answering for an area, or the district's where the street has none (兜底). */
    private @Nullable String centreFor(String area) {
        return org.commandCentre(area, CommandLevel.STREET)
                .or(() -> org.commandCentre(area, CommandLevel.DISTRICT))
                .map(centre -> centre.code())
                .orElse(null);
    }

    private static WhistleContext context(ResultSet rs, int row) throws SQLException {
        var kind = rs.getString("reporter_kind");
        return new WhistleContext(
                rs.getObject("whistle_id", UUID.class),
                rs.getString("area_node"),
                rs.getString("owning_centre"),
                rs.getString("lead_unit"),
                kind == null ? null : Reporter.Kind.valueOf(kind),
                rs.getString("reporter_user"),
                rs.getString("reporter_phone_masked"),
                rs.getString("ticket_number"),
                rs.getString("category_code"),
                rs.getString("channel"));
    }
}
