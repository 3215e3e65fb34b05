package org.whistle.intake.open311;

import java.sql.ResultSet;
import java.sql.SQLException;
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
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.whistle.events.CategoryChanged;
import org.whistle.events.EvidenceRef;
import org.whistle.events.GeoPoint;
import org.whistle.intake.IntakeProperties;
import org.whistle.intake.raising.SupportingWhistles;
import org.whistle.intake.raising.domain.PublicStatus;
import org.whistle.orgreference.copy.OrgReferenceCopy;
import org.whistle.security.personaldata.PersonalData;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whistles as Open311 service requests, and their timelines as FixMyStreet's request updates. Without an API key a
 * client sees category, status, times and a coarse location only — no addresses, photos or update notes, and
 * descriptions only where the city made them public ({@code open311.public-descriptions}): they are people's words
 * and may name people (docs/security.md, "Anonymous callers"). Clients are never the
 * ones who must call a reporter, so phones written into descriptions and notes reach them masked.
 */
@Service
public class ServiceRequests {

    /** Statuses Open311 calls closed ({@link Open311Status}). */
    static final List<String> CLOSED = List.of("RESOLVED", "VERIFIED", "CLOSED", "REJECTED", "MERGED");

    private final JdbcClient jdbc;
    private final OrgReferenceCopy org;
    private final MediaLinks links;
    private final JsonMapper json;
    private final ZoneId zone;
    private final boolean publicDescriptions;

    ServiceRequests(
            JdbcClient jdbc, OrgReferenceCopy org, MediaLinks links, JsonMapper json, IntakeProperties properties) {
        this.jdbc = jdbc;
        this.org = org;
        this.links = links;
        this.json = json;
        this.zone = properties.zone();
        this.publicDescriptions = properties.open311().publicDescriptions();
    }

    /** W3C date-time in the city's zone, e.g. 2026-01-15T09:30:00+08:00. */
    public String w3c(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                instant.atZone(zone).toOffsetDateTime().truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * What the filters of GET requests select. Ids, when given, take precedence: the other filters and paging are then
     * left aside (the spec), and an id naming nothing is simply absent from the answer.
     *
     * @param statuses {@code open} and/or {@code closed}; empty or both = either
     */
    public record Query(
            List<UUID> ids,
            List<String> serviceCodes,
            Instant from,
            Instant to,
            Set<String> statuses,
            int page,
            int pageSize) {

        public Query {
            ids = List.copyOf(ids);
            serviceCodes = List.copyOf(serviceCodes);
            statuses = Set.copyOf(statuses);
        }

        /** The one request an id names, whenever it was raised. */
        public static Query one(UUID id, Instant now) {
            return new Query(List.of(id), List.of(), Instant.EPOCH, now, Set.of(), 1, 1);
        }
    }

    /**
     * Who reads: a client with a valid key sees descriptions (phones masked), addresses, exact points and photos;
     * anyone else the public view (docs/security.md), with descriptions only where the city made them public.
     *
     * @param endpoint the façade's address, ending in {@code /open311/v2/}, for photo links
     */
    public record Viewer(boolean keyed, String endpoint) {}

    /** One page of requests, and whether more match beyond it. */
    public record Found(List<Map<String, Object>> requests, boolean more) {}

    public Found find(Query query, Viewer viewer, boolean extended) {
        var sql = new StringBuilder("""
                SELECT whistle_id, category_code, description, status, lat, lng, address, raised_at, updated_at,
                       street_name, grid_name, media_url, evidence
                FROM whistle WHERE 1 = 1""");
        var params = new LinkedHashMap<String, Object>();
        boolean byIds = !query.ids().isEmpty();
        if (byIds) {
            sql.append(" AND whistle_id IN (:ids) ORDER BY raised_at DESC, whistle_id");
            params.put("ids", query.ids());
        } else {
            sql.append(" AND raised_at >= :from AND raised_at <= :to");
            params.put("from", OffsetDateTime.ofInstant(query.from(), ZoneOffset.UTC));
            params.put("to", OffsetDateTime.ofInstant(query.to(), ZoneOffset.UTC));
            if (!query.serviceCodes().isEmpty()) {
                sql.append(" AND category_code IN (:codes)");
                params.put("codes", query.serviceCodes());
            }
            var open = query.statuses().contains("open");
            var closed = query.statuses().contains("closed");
            if (open && !closed) {
                sql.append(" AND status NOT IN (:closedStatuses)");
                params.put("closedStatuses", CLOSED);
            } else if (closed && !open) {
                sql.append(" AND status IN (:closedStatuses)");
                params.put("closedStatuses", CLOSED);
            }
            // One more than the page: whether the answer was cut, without counting everything.
            sql.append(" ORDER BY raised_at DESC, whistle_id LIMIT :limit OFFSET :offset");
            params.put("limit", query.pageSize() + 1);
            params.put("offset", (long) (query.page() - 1) * query.pageSize());
        }
        var rows = jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) -> request(rs, viewer, extended))
                .list();
        if (!byIds && rows.size() > query.pageSize()) {
            return new Found(rows.subList(0, query.pageSize()), true);
        }
        return new Found(rows, false);
    }

    private Map<String, Object> request(ResultSet rs, Viewer viewer, boolean extended) throws SQLException {
        var status = PublicStatus.valueOf(rs.getString("status"));
        var code = rs.getString("category_code");
        var request = new LinkedHashMap<String, Object>();
        request.put("service_request_id", rs.getObject("whistle_id", UUID.class).toString());
        request.put("status", Open311Status.of(status));
        request.put("status_notes", status.label());
        request.put(
                "service_name", org.category(code).map(CategoryChanged::name).orElse(code));
        request.put("service_code", code);
        request.put(
                "description",
                viewer.keyed() || publicDescriptions ? PersonalData.phonesIn(rs.getString("description")) : null);
        request.put("agency_responsible", rs.getString("street_name"));
        request.put("service_notice", null);
        request.put(
                "requested_datetime",
                w3c(rs.getObject("raised_at", OffsetDateTime.class).toInstant()));
        request.put(
                "updated_datetime",
                w3c(rs.getObject("updated_at", OffsetDateTime.class).toInstant()));
        request.put("expected_datetime", null);
        request.put("address", viewer.keyed() ? rs.getString("address") : null);
        request.put("address_id", null);
        request.put("zipcode", null);
        var lat = rs.getObject("lat", Double.class);
        var lng = rs.getObject("lng", Double.class);
        // Without a key, the location is the coarse one anyone sees nearby (about 100 m).
        var shown =
                lat == null || lng == null || viewer.keyed() ? null : SupportingWhistles.coarse(new GeoPoint(lat, lng));
        request.put("lat", shown == null ? lat : (Double) shown.lat());
        request.put("long", shown == null ? lng : (Double) shown.lng());
        request.put("media_url", viewer.keyed() ? mediaUrl(rs, viewer) : null);
        if (extended) {
            request.put("extended_attributes", Map.of("fixmystreet_status", Open311Status.extended(status)));
        }
        return request;
    }

    /** The client's own link as given, else a signed link to the first photo kept with the whistle. */
    private @Nullable String mediaUrl(ResultSet rs, Viewer viewer) throws SQLException {
        var given = rs.getString("media_url");
        if (given != null) {
            return given;
        }
        var evidence = json.readValue(rs.getString("evidence"), EvidenceRef[].class);
        for (var ref : evidence) {
            if (ref.contentType().startsWith("image/")) {
                return links.link(viewer.endpoint(), ref.mediaId());
            }
        }
        return null;
    }

    /** Timeline entries after a time, as FixMyStreet's service request updates. */
    public List<Map<String, Object>> updates(Instant from, Instant to, int limit, boolean detailed) {
        return new ArrayList<>(jdbc.sql("""
                        SELECT t.entry_id, t.whistle_id, t.kind, t.status, t.note, t.client_status, t.at
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
                    // An update a client posted shows the status it gave (FixMyStreet); others the whistle's.
                    var given = rs.getString("client_status");
                    update.put("status", given != null ? given : Open311Status.extended(status));
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
