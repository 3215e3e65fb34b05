package org.whistle.intake.open311;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.whistle.events.CategoryChanged;
import org.whistle.events.GeoPoint;
import org.whistle.intake.IntakeProperties;
import org.whistle.intake.following.domain.PublicStatus;
import org.whistle.intake.raising.SupportingWhistles;
import org.whistle.orgreference.copy.OrgReferenceCopy;
import org.whistle.security.personaldata.PersonalData;

/**
 * Whistles as Open311 service requests, and their timelines as FixMyStreet's request updates. Without an API key a
 * client sees category, status, times and a coarse location only — no descriptions, addresses or update notes: they
 * are people's words and may name people (docs/security.md, "Anonymous callers"). Clients are never the
 * ones who must call a reporter, so phones written into descriptions and notes reach them masked.
 */
@Service
public class ServiceRequests {

    private final JdbcClient jdbc;
    private final OrgReferenceCopy org;
    private final ZoneId zone;

    ServiceRequests(JdbcClient jdbc, OrgReferenceCopy org, IntakeProperties properties) {
        this.jdbc = jdbc;
        this.org = org;
        this.zone = properties.zone();
    }

    /** W3C date-time in the city's zone, e.g. 2026-01-15T09:30:00+08:00. */
    public String w3c(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                instant.atZone(zone).toOffsetDateTime().truncatedTo(ChronoUnit.SECONDS));
    }

    /** What the filters of GET requests select. */
    public record Query(
            List<UUID> ids,
            @Nullable String serviceCode,
            Instant from,
            Instant to,
            @Nullable String status,
            int page,
            int pageSize) {

        /** The one request an id names, whenever it was raised. */
        public static Query one(UUID id, Instant now) {
            return new Query(List.of(id), null, Instant.EPOCH, now, null, 1, 1);
        }
    }

    public List<Map<String, Object>> find(Query query, boolean detailed, boolean extended) {
        var sql = new StringBuilder("""
                SELECT whistle_id, category_code, description, status, lat, lng, address, raised_at, updated_at,
                       street_name, grid_name
                FROM whistle WHERE 1 = 1""");
        var params = new LinkedHashMap<String, Object>();
        if (!query.ids().isEmpty()) {
            sql.append(" AND whistle_id IN (:ids)");
            params.put("ids", query.ids());
        } else {
            sql.append(" AND raised_at >= :from AND raised_at <= :to");
            params.put("from", OffsetDateTime.ofInstant(query.from(), ZoneOffset.UTC));
            params.put("to", OffsetDateTime.ofInstant(query.to(), ZoneOffset.UTC));
        }
        if (query.serviceCode() != null) {
            sql.append(" AND category_code IN (:codes)");
            params.put("codes", List.of(query.serviceCode().split(",")));
        }
        if ("open".equals(query.status())) {
            sql.append(" AND status NOT IN ('RESOLVED', 'VERIFIED', 'CLOSED', 'REJECTED', 'MERGED')");
        } else if ("closed".equals(query.status())) {
            sql.append(" AND status IN ('RESOLVED', 'VERIFIED', 'CLOSED', 'REJECTED', 'MERGED')");
        }
        sql.append(" ORDER BY raised_at DESC, whistle_id LIMIT :limit OFFSET :offset");
        params.put("limit", query.pageSize());
        params.put("offset", (query.page() - 1) * query.pageSize());
        return jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) -> {
                    var status = PublicStatus.valueOf(rs.getString("status"));
                    var code = rs.getString("category_code");
                    var request = new LinkedHashMap<String, Object>();
                    request.put(
                            "service_request_id",
                            rs.getObject("whistle_id", UUID.class).toString());
                    request.put("status", Open311Status.of(status));
                    request.put("status_notes", status.label());
                    request.put(
                            "service_name",
                            org.category(code).map(CategoryChanged::name).orElse(code));
                    request.put("service_code", code);
                    request.put("description", detailed ? PersonalData.phonesIn(rs.getString("description")) : null);
                    request.put("agency_responsible", rs.getString("street_name"));
                    request.put("service_notice", null);
                    request.put(
                            "requested_datetime",
                            w3c(rs.getObject("raised_at", OffsetDateTime.class).toInstant()));
                    request.put(
                            "updated_datetime",
                            w3c(rs.getObject("updated_at", OffsetDateTime.class).toInstant()));
                    request.put("expected_datetime", null);
                    request.put("address", detailed ? rs.getString("address") : null);
                    request.put("address_id", null);
                    request.put("zipcode", null);
                    var lat = rs.getObject("lat", Double.class);
                    var lng = rs.getObject("lng", Double.class);
                    // Without a key, the location is the coarse one anyone sees nearby (about 100 m).
                    var shown = lat == null || lng == null || detailed
                            ? null
                            : SupportingWhistles.coarse(new GeoPoint(lat, lng));
                    request.put("lat", shown == null ? lat : (Double) shown.lat());
                    request.put("long", shown == null ? lng : (Double) shown.lng());
                    request.put("media_url", null);
                    if (extended) {
                        request.put(
                                "extended_attributes", Map.of("fixmystreet_status", Open311Status.extended(status)));
                    }
                    return (Map<String, Object>) request;
                })
                .list();
    }

    /** Timeline entries after a time, as FixMyStreet's service request updates. */
    public List<Map<String, Object>> updates(Instant from, Instant to, int limit, boolean detailed) {
        return new ArrayList<>(jdbc.sql("""
                        SELECT t.entry_id, t.whistle_id, t.kind, t.status, t.note, t.at
                        FROM whistle_timeline t
                        WHERE t.at > :from AND t.at <= :to AND t.kind <> 'RAISED'
                        ORDER BY t.at, t.entry_id LIMIT :limit""")
                .param("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .param("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
                .param("limit", limit)
                .query((rs, n) -> {
                    var status = PublicStatus.valueOf(rs.getString("status"));
                    var update = new LinkedHashMap<String, Object>();
                    update.put("update_id", String.valueOf(rs.getLong("entry_id")));
                    update.put(
                            "service_request_id",
                            rs.getObject("whistle_id", UUID.class).toString());
                    update.put("status", Open311Status.extended(status));
                    update.put(
                            "updated_datetime",
                            w3c(rs.getObject("at", OffsetDateTime.class).toInstant()));
                    // Notes are staff's and reporters' words (reasons, results) and may name people or places:
                    // without a key only the status label.
                    update.put(
                            "description",
                            rs.getString("note") == null || !detailed
                                    ? status.label()
                                    : PersonalData.phonesIn(rs.getString("note")));
                    update.put("media_url", null);
                    return (Map<String, Object>) update;
                })
                .list());
    }
}
