package org.whistle.intake.raising;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.whistle.events.EventIds;
import org.whistle.events.EvidenceRef;
import org.whistle.events.GeoPoint;
import org.whistle.intake.IntakeProperties;
import org.whistle.intake.evidence.KeepingEvidence;
import org.whistle.intake.evidence.Upload;
import org.whistle.intake.raising.domain.Distances;
import org.whistle.intake.raising.domain.PhoneNumber;
import org.whistle.intake.raising.domain.PublicStatus;
import org.whistle.problems.ConflictException;
import org.whistle.problems.InvalidInputException;
import org.whistle.problems.NotFoundException;
import org.whistle.security.Caller;
import org.whistle.texts.Phrase;
import tools.jackson.databind.json.JsonMapper;

/**
 * Duplicate suggestions and supporting reports: before raising, a front end asks for open whistles of the same
 * category nearby, and "add to this one" records a supporting report on that whistle instead of a new whistle. A
 * supporting report stays in intake (the event contract has no such event): it is shown on the whistle's page and
 * its timeline, and counted for the reporter's and staff's view.
 */
@Service
public class SupportingWhistles {

    static final int NOTE_MAX_LENGTH = 2000;

    private final JdbcClient jdbc;
    private final KeepingEvidence evidence;
    private final PhoneCipher phones;
    private final IntakeProperties.Nearby nearby;
    private final JsonMapper json;
    private final Clock clock;
    private final WhistleStore store;

    SupportingWhistles(
            JdbcClient jdbc,
            KeepingEvidence evidence,
            PhoneCipher phones,
            IntakeProperties properties,
            JsonMapper json,
            Clock clock,
            WhistleStore store) {
        this.jdbc = jdbc;
        this.evidence = evidence;
        this.phones = phones;
        this.nearby = properties.nearby();
        this.json = json;
        this.clock = clock;
        this.store = store;
    }

    /**
     * An open whistle near the asked point, as anyone may see it (docs/security.md, "Anonymous callers"): category,
     * status, time, the grid it lies in and a coarse location — never the description, the address, photos, the
     * reporter or anyone's name, which only the reporter and staff in scope see on the whistle's page.
     *
     * @param location the whistle's point rounded to {@link #COARSE_DEGREES} (about 110 m north–south, 75 m east–west
     *     here)
     * @param distanceMetres from the asked point to the coarse location, in steps of {@link #DISTANCE_STEP_METRES}
     */
    public record Nearby(
            UUID id,
            String category,
            String status,
            String statusLabel,
            @Nullable String grid,
            GeoPoint location,
            long distanceMetres,
            int supports,
            Instant raisedAt) {}

    static final double COARSE_DEGREES = 0.001;
    private static final int COARSE_DECIMALS = 3;
    static final long DISTANCE_STEP_METRES = 50;

    /**
     * Open whistles of one category within {@code radius} metres of a WGS-84 point, nearest first. Distances are
     * measured to the coarse location, so that asking with many radii or from many points cannot find the exact one.
     */
    public List<Nearby> near(GeoPoint centre, String category, @Nullable Integer radius) {
        int metres = radius == null ? nearby.defaultRadiusMetres() : radius;
        if (metres < 1 || metres > nearby.maxRadiusMetres()) {
            throw InvalidInputException.of(
                    "radius", Phrase.of("intake.refusal.radius", "min", 1, "max", nearby.maxRadiusMetres()));
        }
        // The box is widened by the rounding, so nothing whose coarse location lies within the radius is missed.
        var box = Distances.degreesAround(centre, metres + 100);
        return jdbc
                .sql("""
                        SELECT w.whistle_id, w.category_code, w.status, w.lat, w.lng, w.grid_name, w.raised_at,
                               (SELECT count(*) FROM whistle_support s WHERE s.whistle_id = w.whistle_id) AS supports
                        FROM whistle w
                        WHERE w.category_code = :category
                          AND w.status NOT IN ('CLOSED', 'REJECTED', 'MERGED')
                          AND w.lat BETWEEN :south AND :north AND w.lng BETWEEN :west AND :east""")
                .param("category", category)
                .param("south", centre.lat() - box[0])
                .param("north", centre.lat() + box[0])
                .param("west", centre.lng() - box[1])
                .param("east", centre.lng() + box[1])
                .query((rs, n) -> {
                    var status = PublicStatus.valueOf(rs.getString("status"));
                    var coarse = coarse(new GeoPoint(rs.getDouble("lat"), rs.getDouble("lng")));
                    var distance = Distances.metres(centre, coarse);
                    return new Nearby(
                            rs.getObject("whistle_id", UUID.class),
                            rs.getString("category_code"),
                            status.name(),
                            status.label(),
                            rs.getString("grid_name"),
                            coarse,
                            distance > metres ? Long.MAX_VALUE : step(distance),
                            rs.getInt("supports"),
                            rs.getObject("raised_at", OffsetDateTime.class).toInstant());
                })
                .list()
                .stream()
                .filter(found -> found.distanceMetres() != Long.MAX_VALUE)
                .sorted(Comparator.comparingLong(Nearby::distanceMetres))
                .toList();
    }

    /** A point rounded to the public grid of {@link #COARSE_DEGREES}. */
    public static GeoPoint coarse(GeoPoint exact) {
        return new GeoPoint(round(exact.lat()), round(exact.lng()));
    }

    private static double round(double degrees) {
        return java.math.BigDecimal.valueOf(degrees)
                .setScale(COARSE_DECIMALS, java.math.RoundingMode.HALF_UP)
                .doubleValue();
    }

    private static long step(double metres) {
        return Math.round(metres / DISTANCE_STEP_METRES) * DISTANCE_STEP_METRES;
    }

    /**
     * A supporting report just recorded.
     *
     * @param updateId its entry in the whistle's public timeline (FixMyStreet's update id)
     */
    public record Supported(UUID supportId, UUID whistleId, List<EvidenceRef> evidence, Instant at, long updateId) {}

    /**
     * A further report from an Open311 client (FixMyStreet's update): its own {@code update_id}, so a retry records
     * nothing twice, and the status it gave, kept on the update and shown with it.
     */
    public record ClientUpdate(@Nullable String updateId, String status, boolean saysResolved) {}

    /**
     * What the public timeline says of a further report. A client's status is honoured as what it is — the reporter's
     * word, for the centre that verifies: "fixed" on a whistle in hand is a claim (only the lead unit resolves it),
     * "open" on a whistle reported fixed asks the centre to check again before it verifies or closes.
     */
    static String timelineNote(PublicStatus status, @Nullable ClientUpdate update) {
        if (update == null) {
            return "另有群众反映此问题";
        }
        if (update.saysResolved()) {
            return status.resolved() ? "对接系统转来群众反映：问题已解决" : "对接系统转来群众反映：问题已解决（待责任单位核实）";
        }
        return status.resolved() ? "对接系统转来群众反映：问题仍未解决，请核查" : "对接系统转来群众补充反映";
    }

    /** Records a further report on an open whistle. */
    @Transactional
    public Supported support(
            UUID whistleId,
            @Nullable String note,
            @Nullable String phone,
            List<Upload> uploads,
            @Nullable Caller caller) {
        return support(whistleId, note, phone, uploads, caller, null);
    }

    /** Records an Open311 client's update on an open whistle, or answers the one it already recorded. */
    @Transactional
    public Supported support(UUID whistleId, @Nullable String note, @Nullable String phone, ClientUpdate update) {
        return support(whistleId, note, phone, List.of(), null, update);
    }

    private Supported support(
            UUID whistleId,
            @Nullable String note,
            @Nullable String phone,
            List<Upload> uploads,
            @Nullable Caller caller,
            @Nullable ClientUpdate update) {
        var status = jdbc.sql("SELECT status FROM whistle WHERE whistle_id = :id FOR UPDATE")
                .param("id", whistleId)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("whistle", whistleId.toString()));
        if (update != null && update.updateId() != null) {
            var earlier = jdbc.sql("""
                            SELECT support_id, evidence, created_at, timeline_entry_id FROM whistle_support
                            WHERE whistle_id = :whistle AND client_update_id = :update""")
                    .param("whistle", whistleId)
                    .param("update", update.updateId())
                    .query((rs, n) -> new Supported(
                            rs.getObject("support_id", UUID.class),
                            whistleId,
                            List.of(json.readValue(rs.getString("evidence"), EvidenceRef[].class)),
                            rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                            rs.getLong("timeline_entry_id")))
                    .optional();
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        if (!PublicStatus.valueOf(status).open()) {
            throw new ConflictException(Phrase.of("intake.refusal.supportClosed"));
        }
        PhoneNumber number = null;
        if (phone != null && !phone.isBlank()) {
            number = PhoneNumber.parse(phone)
                    .orElseThrow(() -> InvalidInputException.of("phone", Phrase.of("intake.refusal.phone")));
        }
        var text = note == null || note.isBlank() ? null : note.strip();
        var violations = TextBounds.check("note", text, NOTE_MAX_LENGTH);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        if (text == null && uploads.isEmpty()) {
            throw InvalidInputException.of("note", Phrase.of("intake.refusal.noteOrEvidence"));
        }
        var by =
                caller != null ? "user:" + caller.subject() : number != null ? "phone:" + number.masked() : "anonymous";
        var refs = evidence.keep(uploads, by);
        var id = EventIds.next();
        var at = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        long entry = jdbc.sql("""
                        INSERT INTO whistle_timeline (whistle_id, kind, status, note, evidence, client_status, at)
                        VALUES (:whistle, 'SUPPORTED', :status, :note, CAST(:evidence AS jsonb), :clientStatus, :at)
                        RETURNING entry_id""")
                .param("whistle", whistleId)
                .param("status", status)
                .param("note", timelineNote(PublicStatus.valueOf(status), update))
                .param("evidence", json.writeValueAsString(refs))
                .param("clientStatus", update == null ? null : update.status())
                .param("at", at)
                .query(Long.class)
                .single();
        jdbc.sql("""
                        INSERT INTO whistle_support (support_id, whistle_id, reporter_kind, reporter_user_id,
                            phone_cipher, masked_phone, note, evidence, created_at, client_update_id, client_status,
                            timeline_entry_id)
                        VALUES (:id, :whistle, :kind, :user, :phone, :masked, :note, CAST(:evidence AS jsonb), :at,
                            :clientUpdate, :clientStatus, :entry)""")
                .param("id", id)
                .param("whistle", whistleId)
                .param("kind", caller != null ? "USER" : number != null ? "PHONE" : "ANONYMOUS")
                .param("user", caller == null ? null : caller.subject())
                .param("phone", number == null ? null : phones.encrypt(number))
                .param("masked", number == null ? null : number.masked())
                .param("note", text)
                .param("evidence", json.writeValueAsString(refs))
                .param("at", at)
                .param("clientUpdate", update == null ? null : update.updateId())
                .param("clientStatus", update == null ? null : update.status())
                .param("entry", entry)
                .update();
        store.attachEvidence(whistleId, refs);
        return new Supported(id, whistleId, refs, at.toInstant(), entry);
    }
}
