package org.whistle.intake.following;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.whistle.intake.raising.domain.PublicStatus;

/**
 * A whistle as the read model holds it; {@code phoneCipher} and {@code trackingCodeHash} never leave the service. {@code owningCentre},
 * {@code owningLevel} and {@code unitTasks} (JSON: unit → task state) say who must reach the reporter.
 */
public record WhistleRecord(
        UUID id,
        byte[] trackingCodeHash,
        String channel,
        String categoryCode,
        String description,
        @Nullable Double lat,
        @Nullable Double lng,
        @Nullable String address,
        @Nullable String gridId,
        @Nullable String gridName,
        @Nullable String streetId,
        @Nullable String streetName,
        List<String> ancestry,
        @Nullable String fallbackOwnerId,
        String urgency,
        String reporterKind,
        @Nullable String reporterUserId,
        byte @Nullable [] phoneCipher,
        @Nullable String maskedPhone,
        String evidence,
        Instant raisedAt,
        PublicStatus status,
        @Nullable UUID ticketId,
        @Nullable String ticketNumber,
        @Nullable String outcome,
        int resolution,
        String resultEvidence,
        Instant updatedAt,
        @Nullable String owningCentre,
        @Nullable String owningLevel,
        String unitTasks) {

    static final String COLUMNS = """
            whistle_id, tracking_code_hash, channel, category_code, description, lat, lng, address, grid_id, grid_name,
            street_id, street_name, ancestry, fallback_owner_id, urgency, reporter_kind, reporter_user_id,
            phone_cipher, masked_phone, evidence::text AS evidence, raised_at, status, ticket_id, ticket_number,
            outcome, resolution, result_evidence::text AS result_evidence, updated_at, owning_centre, owning_level,
            unit_tasks::text AS unit_tasks""";

    static WhistleRecord map(ResultSet rs, int row) throws SQLException {
        var ancestry = rs.getArray("ancestry");
        return new WhistleRecord(
                rs.getObject("whistle_id", UUID.class),
                rs.getBytes("tracking_code_hash"),
                rs.getString("channel"),
                rs.getString("category_code"),
                rs.getString("description"),
                rs.getObject("lat", Double.class),
                rs.getObject("lng", Double.class),
                rs.getString("address"),
                rs.getString("grid_id"),
                rs.getString("grid_name"),
                rs.getString("street_id"),
                rs.getString("street_name"),
                ancestry == null ? List.of() : List.of((String[]) ancestry.getArray()),
                rs.getString("fallback_owner_id"),
                rs.getString("urgency"),
                rs.getString("reporter_kind"),
                rs.getString("reporter_user_id"),
                rs.getBytes("phone_cipher"),
                rs.getString("masked_phone"),
                rs.getString("evidence"),
                rs.getObject("raised_at", OffsetDateTime.class).toInstant(),
                PublicStatus.valueOf(rs.getString("status")),
                rs.getObject("ticket_id", UUID.class),
                rs.getString("ticket_number"),
                rs.getString("outcome"),
                rs.getInt("resolution"),
                rs.getString("result_evidence"),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                rs.getString("owning_centre"),
                rs.getString("owning_level"),
                rs.getString("unit_tasks"));
    }
}
