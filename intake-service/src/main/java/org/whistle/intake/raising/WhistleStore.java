package org.whistle.intake.raising;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.whistle.events.EvidenceRef;
import org.whistle.intake.raising.domain.Whistle;
import tools.jackson.databind.json.JsonMapper;

/** The whistle table as raising writes it: one insert per whistle, its evidence attached in the same transaction. */
@Repository
class WhistleStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    WhistleStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The whistle's row, its first timeline entry, and its evidence attached to it. */
    void insert(
            Whistle w,
            byte[] trackingCodeHash,
            byte @Nullable [] phoneCipher,
            byte @Nullable [] phoneLookup,
            @Nullable String wechatOpenId) {
        var at = OffsetDateTime.ofInstant(w.raisedAt(), ZoneOffset.UTC);
        jdbc.sql("""
                        INSERT INTO whistle (whistle_id, tracking_code_hash, channel, category_code, description, lat, lng,
                            address, grid_id, grid_name, street_id, street_name, ancestry, fallback_owner_id, urgency,
                            reporter_kind, reporter_user_id, reporter_role, phone_cipher, masked_phone, evidence,
                            media_url, raised_at, updated_at, reporter_wechat_open_id, phone_lookup)
                        VALUES (:id, :codeHash, :channel, :category, :description, :lat, :lng, :address, :gridId,
                            :gridName, :streetId, :streetName, string_to_array(:ancestry, ','), :fallback, :urgency,
                            :reporterKind, :userId, :role, :phone, :masked, CAST(:evidence AS jsonb), :mediaUrl, :at, :at,
                            :wechatOpenId, :phoneLookup)""")
                .param("id", w.id().value())
                .param("codeHash", trackingCodeHash)
                .param("channel", w.channel().name())
                .param("category", w.categoryCode())
                .param("description", w.description())
                .param("lat", w.point() == null ? null : w.point().lat())
                .param("lng", w.point() == null ? null : w.point().lng())
                .param("address", w.address())
                .param("gridId", w.grid() == null ? null : w.grid().id())
                .param("gridName", w.grid() == null ? null : w.grid().name())
                .param("streetId", w.street() == null ? null : w.street().id())
                .param("streetName", w.street() == null ? null : w.street().name())
                .param("ancestry", String.join(",", w.ancestry()))
                .param(
                        "fallback",
                        w.fallbackOwner() == null ? null : w.fallbackOwner().id())
                .param("urgency", w.urgency().name())
                .param("reporterKind", w.reporter().kind().name())
                .param("userId", w.reporter().userId())
                .param("role", w.reporter().role())
                .param("phone", phoneCipher)
                .param("masked", w.reporter().maskedPhone())
                .param("evidence", json.writeValueAsString(w.evidence()))
                .param("mediaUrl", w.mediaUrl())
                .param("at", at)
                .param("wechatOpenId", wechatOpenId)
                .param("phoneLookup", phoneLookup)
                .update();
        jdbc.sql("""
                        INSERT INTO whistle_timeline (whistle_id, kind, status, at)
                        VALUES (:id, 'RAISED', 'RAISED', :at)""").param("id", w.id().value()).param("at", at).update();
        attachEvidence(w.id().value(), w.evidence());
    }

    /** The hash of the whistle's tracking code, when the whistle exists. */
    java.util.Optional<byte[]> trackingCodeHash(UUID whistleId) {
        return jdbc.sql("SELECT tracking_code_hash FROM whistle WHERE whistle_id = :id")
                .param("id", whistleId)
                .query((rs, n) -> rs.getBytes(1))
                .optional();
    }

    void attachEvidence(UUID whistleId, List<EvidenceRef> evidence) {
        for (var ref : evidence) {
            jdbc.sql("UPDATE evidence SET whistle_id = :whistle WHERE media_id = :media")
                    .param("whistle", whistleId.toString())
                    .param("media", UUID.fromString(ref.mediaId()))
                    .update();
        }
    }
}
