package org.whistle.intake.following;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.whistle.events.EvidenceRef;
import org.whistle.intake.following.domain.ProgressSteps;
import org.whistle.intake.raising.PhoneCipher;
import org.whistle.intake.raising.domain.PhoneNumber;
import org.whistle.intake.raising.domain.PublicStatus;
import org.whistle.intake.raising.domain.TrackingCodes;
import org.whistle.security.Caller;
import org.whistle.security.Role;
import org.whistle.security.personaldata.Disclosure;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may follow a whistle, and what they see: its reporter (by token subject, or by tracking code plus the phone
 * they gave — the code alone for a whistle raised with neither phone nor account), and staff whose org scope covers
 * the whistle's place. Anyone else is told the whistle does not exist, so codes and ids cannot be probed. Nobody sees
 * the tracking code here: the database holds only its hash (ADR 0018).
 */
@Service
public class FollowingWhistles {

    /**
     * Roles that see whistles in their org scope: every one there, except for a unit's staff ({@link #UNIT_STAFF}),
     * who see those that summon their unit. Residents and party members see only their own.
     */
    static final Set<Role> STAFF = EnumSet.complementOf(EnumSet.of(Role.RESIDENT, Role.PARTY_MEMBER));

    /** Staff who act for their unit alone. */
    static final Set<Role> UNIT_STAFF =
            EnumSet.of(Role.DEPARTMENT_OFFICER, Role.DEPARTMENT_LEADER, Role.PROPERTY_STAFF);

    private static final Set<Role> AREA_STAFF = areaStaff();

    /** Compared against when there is nothing to compare, so a refusal takes as long either way. */
    private static final PhoneNumber DECOY_NUMBER =
            PhoneNumber.parse("13000000000").orElseThrow();

    private final JdbcClient jdbc;
    private final PhoneCipher phones;
    private final JsonMapper json;
    private final byte[] decoy;

    FollowingWhistles(JdbcClient jdbc, PhoneCipher phones, JsonMapper json) {
        this.jdbc = jdbc;
        this.phones = phones;
        this.json = json;
        this.decoy = phones.encrypt(DECOY_NUMBER);
    }

    /** How the caller proved who they are. */
    public enum Viewer {
        REPORTER,
        STAFF
    }

    public Optional<WhistleRecord> find(UUID id) {
        return jdbc.sql("SELECT " + WhistleRecord.COLUMNS + " FROM whistle WHERE whistle_id = :id")
                .param("id", id)
                .query(WhistleRecord::map)
                .optional();
    }

    /** The WeChat open id of the reporter, when they raised the whistle signed in through WeChat (ADR 0046). */
    public Optional<String> reporterWechatOpenId(UUID id) {
        return jdbc.sql("SELECT reporter_wechat_open_id FROM whistle WHERE whistle_id = :id")
                .param("id", id)
                .query(String.class)
                .optional();
    }

    /** What asking for a whistle comes to: seen (and how), or refused by a named rule. */
    public sealed interface Access permits Seen, Refused {}

    /** A whistle with the way its caller may see it, and the rule that lets them. */
    public record Seen(WhistleRecord whistle, Viewer viewer, String rule) implements Access {}

    /** Refused, answered as not found; {@code whistleId} when the whistle exists. */
    public record Refused(@Nullable UUID whistleId, String rule) implements Access {}

    /** The caller as this whistle's reporter or staff, and the rule that says so. */
    public record Viewing(Viewer viewer, String rule) {}

    /** The whistle and how the caller may see it. */
    public Access access(UUID id, @Nullable Caller caller, @Nullable String code, @Nullable String phone) {
        var whistle = find(id);
        if (whistle.isEmpty()) {
            return new Refused(null, "no-such-whistle");
        }
        return viewing(whistle.get(), caller, code, phone)
                .<Access>map(viewing -> new Seen(whistle.get(), viewing.viewer(), viewing.rule()))
                .orElse(new Refused(id, "neither-reporter-nor-staff-in-scope"));
    }

    /**
     * The anonymous reporter's door: the tracking code, with the phone they gave. "No such code" and "not with this
     * phone" are refused alike and take about as long — one query and one decryption each — so an answer tells
     * nothing about whether a whistle exists. A signed-in reporter typing the code of their own whistle is let in by
     * their account, as on the whistle's own page: they gave no phone to prove it with (issue 23).
     */
    public Access track(String code, @Nullable String phone, @Nullable Caller caller) {
        var normalised = TrackingCodes.normalise(code);
        var whistle = normalised.isEmpty()
                ? Optional.<WhistleRecord>empty()
                : jdbc.sql("SELECT " + WhistleRecord.COLUMNS + " FROM whistle WHERE tracking_code_hash = :hash")
                        .param("hash", TrackingCodes.hash(normalised.get()))
                        .query(WhistleRecord::map)
                        .optional();
        if (whistle.isEmpty()) {
            phones.matches(decoy, PhoneNumber.parse(phone == null ? "" : phone).orElse(DECOY_NUMBER));
            return new Refused(null, "no-such-tracking-code");
        }
        if (caller != null && caller.subject().equals(whistle.get().reporterUserId())) {
            return new Seen(whistle.get(), Viewer.REPORTER, "reporter-account-tracking-code");
        }
        if (!byCode(whistle.get(), normalised.get(), phone)) {
            return new Refused(whistle.get().id(), "tracking-code-without-the-reporters-phone");
        }
        return new Seen(whistle.get(), Viewer.REPORTER, "reporter-tracking-code");
    }

    public Optional<Viewing> viewing(
            WhistleRecord whistle, @Nullable Caller caller, @Nullable String code, @Nullable String phone) {
        if (caller != null) {
            if (caller.subject().equals(whistle.reporterUserId())) {
                return Optional.of(new Viewing(Viewer.REPORTER, "reporter-account"));
            }
            if (caller.hasAny(STAFF) && caller.covers(whistle.ancestry())) {
                if (!answersOnlyForItsUnit(caller)) {
                    return Optional.of(new Viewing(Viewer.STAFF, "staff-in-scope"));
                }
                if (summons(whistle, caller.unit())) {
                    return Optional.of(new Viewing(Viewer.STAFF, "unit-summoned"));
                }
            }
        }
        if (code != null
                && TrackingCodes.normalise(code)
                        .map(c -> byCode(whistle, c, phone))
                        .orElse(false)) {
            return Optional.of(new Viewing(Viewer.REPORTER, "reporter-tracking-code"));
        }
        return Optional.empty();
    }

    /**
     * Department and property staff act for their unit: they see the whistles whose tickets summon it (design §7, "a
     * department sees what summons it"), not every whistle in their area — unless another role of theirs does.
     */
    private static boolean answersOnlyForItsUnit(Caller caller) {
        return caller.hasAny(UNIT_STAFF) && !caller.hasAny(AREA_STAFF);
    }

    private static Set<Role> areaStaff() {
        var roles = EnumSet.copyOf(STAFF);
        roles.removeAll(UNIT_STAFF);
        return roles;
    }

    private boolean summons(WhistleRecord whistle, @Nullable String unit) {
        return unit != null && json.readTree(whistle.unitTasks()).has(unit);
    }

    /**
     * Whether the code (normalised) is this whistle's and the phone the one it was raised with. A whistle raised
     * without a phone and without an account opens with the code alone: its reporter holds nothing else. A signed-in
     * reporter follows with their account.
     */
    private boolean byCode(WhistleRecord whistle, String code, @Nullable String phone) {
        if (!java.security.MessageDigest.isEqual(whistle.trackingCodeHash(), TrackingCodes.hash(code))) {
            return false;
        }
        if (whistle.phoneCipher() != null) {
            var number = phone == null ? Optional.<PhoneNumber>empty() : PhoneNumber.parse(phone);
            return phones.matches(whistle.phoneCipher(), number.orElse(DECOY_NUMBER)) && number.isPresent();
        }
        return "ANONYMOUS".equals(whistle.reporterKind());
    }

    /**
     * The reporter's (or staff's) page: status, public timeline, evidence and the result's evidence. The reporter's
     * number is shown as {@code contact} allows; phones written into the description and notes only in full.
     */
    public Map<String, Object> view(Seen seen, Disclosure contact) {
        var w = seen.whistle();
        var view = new LinkedHashMap<String, Object>();
        view.put("id", w.id().toString());
        view.put("status", w.status().name());
        view.put("statusLabel", w.status().label());
        view.put("channel", w.channel());
        view.put("category", w.categoryCode());
        view.put("description", contact.text(w.description()));
        var location = new LinkedHashMap<String, Object>();
        location.put("lat", w.lat());
        location.put("lng", w.lng());
        location.put("address", w.address());
        view.put("location", location);
        view.put("grid", w.gridId() == null ? null : Map.of("id", w.gridId(), "name", String.valueOf(w.gridName())));
        view.put(
                "street",
                w.streetId() == null ? null : Map.of("id", w.streetId(), "name", String.valueOf(w.streetName())));
        view.put("fallbackOwner", w.fallbackOwnerId());
        view.put("urgency", w.urgency());
        var reporter = new LinkedHashMap<String, Object>();
        reporter.put("kind", w.reporterKind());
        reporter.put("maskedPhone", contact == Disclosure.NONE ? null : w.maskedPhone());
        if (contact == Disclosure.FULL && w.phoneCipher() != null) {
            reporter.put("phone", phones.decrypt(w.phoneCipher()).digits());
        }
        view.put("reporter", reporter);
        view.put("ticketNumber", w.ticketNumber());
        view.put("raisedAt", w.raisedAt().toString());
        view.put("updatedAt", w.updatedAt().toString());
        view.put("evidence", refs(w.evidence()));
        view.put("resultEvidence", refs(w.resultEvidence()));
        view.put("supports", supports(w.id()));
        var timeline = timeline(w.id());
        view.put(
                "timeline",
                timeline.stream()
                        .map(entry -> entry.withNote(contact.text(entry.note())))
                        .toList());
        var canRate = canRate(w);
        view.put("canRate", canRate);
        // The reporter's step-by-step progress (已上报 → … → 待评价), each step with when it was first reached.
        var firstReached = new java.util.EnumMap<PublicStatus, Instant>(PublicStatus.class);
        timeline.forEach(entry -> firstReached.putIfAbsent(PublicStatus.valueOf(entry.status()), entry.at()));
        view.put(
                "steps",
                ProgressSteps.of(
                        w.status(), firstReached, canRate, w.resolution() > 0 && rated(w.id(), w.resolution())));
        return view;
    }

    private boolean canRate(WhistleRecord w) {
        return org.whistle.intake.following.domain.FeedbackPolicy.check(
                        w.status(), w.outcome(), w.resolution(), rated(w.id(), w.resolution()))
                instanceof org.whistle.intake.following.domain.FeedbackPolicy.Allowed;
    }

    boolean rated(UUID whistle, int resolution) {
        return jdbc.sql("SELECT count(*) FROM whistle_feedback WHERE whistle_id = :id AND resolution = :r")
                        .param("id", whistle)
                        .param("r", resolution)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public List<EvidenceRef> refs(String stored) {
        return json.readValue(stored, new TypeReference<List<EvidenceRef>>() {});
    }

    private long supports(UUID id) {
        return jdbc.sql("SELECT count(*) FROM whistle_support WHERE whistle_id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
    }

    /** One public timeline entry. */
    public record Entry(
            long id,
            String kind,
            String status,
            String statusLabel,
            @Nullable String note,
            @Nullable String actor,
            List<EvidenceRef> evidence,
            Instant at) {

        Entry withNote(@Nullable String shown) {
            return new Entry(id, kind, status, statusLabel, shown, actor, evidence, at);
        }
    }

    public List<Entry> timeline(UUID id) {
        return jdbc.sql("""
                        SELECT entry_id, kind, status, note, actor, evidence::text AS evidence, at
                        FROM whistle_timeline WHERE whistle_id = :id ORDER BY at, entry_id""")
                .param("id", id)
                .query((rs, n) -> new Entry(
                        rs.getLong("entry_id"),
                        rs.getString("kind"),
                        rs.getString("status"),
                        PublicStatus.valueOf(rs.getString("status")).label(),
                        rs.getString("note"),
                        rs.getString("actor"),
                        refs(rs.getString("evidence")),
                        rs.getObject("at", OffsetDateTime.class).toInstant()))
                .list();
    }
}
