package org.whistle.intake.raising;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.whistle.events.Channel;
import org.whistle.events.CommandLevel;
import org.whistle.events.EventEnvelope;
import org.whistle.events.GeoPoint;
import org.whistle.events.OrgUnitChanged;
import org.whistle.events.Reporter;
import org.whistle.events.Urgency;
import org.whistle.events.WhistleId;
import org.whistle.intake.IntakeMetrics;
import org.whistle.intake.IntakeProperties;
import org.whistle.intake.evidence.KeepingEvidence;
import org.whistle.intake.evidence.Upload;
import org.whistle.intake.raising.domain.CityExtent;
import org.whistle.intake.raising.domain.PhoneNumber;
import org.whistle.intake.raising.domain.Place;
import org.whistle.intake.raising.domain.Whistle;
import org.whistle.messaging.outbox.Outbox;
import org.whistle.orgreference.copy.OrgReferenceCopy;
import org.whistle.orgreference.domain.geography.ChinaCoordinates;
import org.whistle.orgreference.domain.geography.CoordinateSystem;
import org.whistle.problems.InvalidInputException;
import org.whistle.problems.Violation;
import org.whistle.security.Caller;
import org.whistle.security.Role;
import org.whistle.texts.Phrase;

/**
 * Raises whistles from every channel (吹哨): checks every field, resolves the grid and street through the local copy
 * of org data (a point in no grid goes to the city's command centre, 兜底), keeps the evidence, stores the whistle
 * and appends {@code whistle-raised} to the outbox — all in one transaction, so a whistle exists exactly when its
 * event does.
 */
@Service
public class RaisingWhistles {

    public static final String PRODUCER = "intake-service";
    static final int ADDRESS_MAX_LENGTH = 500;
    static final int CATEGORY_MAX_LENGTH = 64;
    static final int GRID_ID_MAX_LENGTH = 64;
    static final int MEDIA_URL_MAX_LENGTH = 1000;

    private final OrgReferenceCopy org;
    private final KeepingEvidence evidence;
    private final Outbox outbox;
    private final WhistleStore store;
    private final PhoneCipher phones;
    private final IntakeProperties properties;
    private final CityExtent extent;
    private final ReporterCodes codes;
    private final Clock clock;
    private final IntakeMetrics metrics;

    RaisingWhistles(
            OrgReferenceCopy org,
            KeepingEvidence evidence,
            Outbox outbox,
            WhistleStore store,
            PhoneCipher phones,
            ReporterCodes codes,
            IntakeProperties properties,
            Clock clock,
            IntakeMetrics metrics) {
        this.org = org;
        this.evidence = evidence;
        this.outbox = outbox;
        this.store = store;
        this.phones = phones;
        this.properties = properties;
        this.extent = properties.extent().toCityExtent();
        this.codes = codes;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * Raises a whistle, or raises nothing and names every field it refuses.
     *
     * @param caller the signed-in caller, or null for an anonymous reporter
     * @param traceId the W3C trace id the event carries
     * @throws InvalidInputException naming each refused field
     */
    @Transactional
    public Raised raise(RaiseWhistle request, List<Upload> uploads, @Nullable Caller caller, String traceId) {
        return raise(request, uploads, caller, null, traceId, false);
    }

    /**
     * Raises a whistle for a caller who signed in through WeChat: {@code wechatOpenId} is their token's
     * {@code wechat_openid} claim (ADR 0046), kept with the whistle for progress messages to their WeChat and never
     * put into its event.
     */
    @Transactional
    public Raised raise(
            RaiseWhistle request, List<Upload> uploads, Caller caller, @Nullable String wechatOpenId, String traceId) {
        return raise(request, uploads, caller, wechatOpenId, traceId, false);
    }

    /** Raises a whistle that came through the Open311 façade, whose client was checked by its API key. */
    @Transactional
    public Raised raiseFromOpen311(RaiseWhistle request, List<Upload> uploads, String traceId) {
        return raise(request, uploads, null, null, traceId, true);
    }

    private Raised raise(
            RaiseWhistle request,
            List<Upload> uploads,
            @Nullable Caller caller,
            @Nullable String wechatOpenId,
            String traceId,
            boolean open311) {
        var whistle = check(request, caller, open311, WhistleId.newId(), clock.instant());
        whistle = whistle.withEvidence(evidence.keep(uploads, whistle.uploadedBy()));
        // Only the hash is stored; the code itself goes back to the reporter in the answer, and nowhere else.
        var code = codes.codeFor(whistle.id().value(), whistle.raisedAt());
        store.insert(
                whistle,
                ReporterCodes.hash(code),
                whistle.phone() == null ? null : phones.encrypt(whistle.phone()),
                whistle.phone() == null ? null : phones.lookup(whistle.phone()),
                caller == null ? null : wechatOpenId);
        outbox.append(EventEnvelope.wrap(whistle.raisedEvent(), 1, PRODUCER, traceId, clock));
        metrics.raised(whistle.channel(), whistle.categoryCode());
        return new Raised(whistle, code);
    }

    /**
     * The tracking code of a whistle raised at {@code raisedAt}, for its reporter's answer replayed to a retry; empty
     * when the whistle was raised before codes were derived from its id (ADR 0018).
     */
    public Optional<String> trackingCode(java.util.UUID whistleId, java.time.Instant raisedAt) {
        return store.trackingCodeHash(whistleId).flatMap(hash -> codes.recover(whistleId, raisedAt, hash));
    }

    /** Every field checked at once: a whistle, or an {@link InvalidInputException} naming each refused field. */
    private Whistle check(
            RaiseWhistle request, @Nullable Caller caller, boolean open311, WhistleId id, java.time.Instant now) {
        var violations = new ArrayList<Violation>();
        var channel = open311 ? Channel.OPEN311 : channel(request.channel(), caller, violations);
        var category = category(request.category(), violations);
        var description = description(
                request.description(),
                open311 ? properties.open311().descriptionMaxLength() : properties.descriptionMaxLength(),
                violations);
        var mediaUrl = mediaUrl(request.mediaUrl(), violations);
        var urgency =
                urgency(request.urgency(), category.map(c -> c.defaultUrgency()).orElse(Urgency.NORMAL), violations);
        PhoneNumber phone = null;
        if (request.phone() != null && !request.phone().isBlank()) {
            phone = PhoneNumber.parse(request.phone()).orElse(null);
            if (phone == null) {
                violations.add(new Violation("reporter.phone", Phrase.of("intake.refusal.phone")));
            }
        }
        if (channel == Channel.HOTLINE
                && phone == null
                && violations.stream().noneMatch(v -> v.field().equals("reporter.phone"))) {
            violations.add(new Violation("reporter.phone", Phrase.of("intake.refusal.hotlinePhone")));
        }
        var address = request.address() == null || request.address().isBlank()
                ? null
                : request.address().strip();
        violations.addAll(TextBounds.line("location.address", address, ADDRESS_MAX_LENGTH));
        var confirmed = confirmedGrid(request, channel, address, violations);
        var point = point(request, address, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        var located = point == null ? Optional.<OrgReferenceCopy.Location>empty() : org.locate(point);
        if (point != null && located.isEmpty() && !extent.contains(point)) {
            throw InvalidInputException.of("location", Phrase.of("intake.refusal.outsideCity"));
        }
        // A hotline call placed by the grid its dispatcher confirmed carries no coordinates: nobody measured any.
        var chain = confirmed != null
                ? org.ancestry(confirmed.unitId())
                : located.map(OrgReferenceCopy.Location::ancestry).orElse(List.of());
        Place grid = null;
        Place street = null;
        Place fallback = null;
        List<String> ancestry;
        if (!chain.isEmpty()) {
            grid = place(chain.getLast());
            street = chain.stream()
                    .filter(node -> "STREET".equals(node.kind()))
                    .findFirst()
                    .map(RaisingWhistles::place)
                    .orElse(null);
            ancestry = chain.stream().map(OrgUnitChanged::unitId).toList();
        } else {
            // 兜底: without a grid nobody on the ground answers for it, so the city's command centre files it.
            ancestry = List.of(properties.cityCode());
            fallback = org.commandCentre(properties.cityCode(), CommandLevel.CITY)
                    .map(RaisingWhistles::place)
                    .orElse(new Place(
                            properties.cityCode(),
                            org.unit(properties.cityCode())
                                    .map(OrgUnitChanged::name)
                                    .orElse(properties.cityCode())));
        }
        Reporter reporter;
        if (caller != null && channel != Channel.HOTLINE) {
            reporter = new Reporter(
                    Reporter.Kind.USER, caller.subject(), role(caller), phone == null ? null : phone.masked());
        } else if (phone != null) {
            reporter = new Reporter(Reporter.Kind.PHONE, null, null, phone.masked());
        } else {
            reporter = new Reporter(Reporter.Kind.ANONYMOUS, null, null, null);
        }
        return new Whistle(
                id,
                channel,
                category.orElseThrow().code(),
                description,
                point,
                address,
                grid,
                street,
                ancestry,
                fallback,
                urgency,
                reporter,
                phone,
                mediaUrl,
                List.of(),
                now);
    }

    /**
     * The grid a hotline dispatcher confirmed for the caller's address ({@code GET /api/whistles/places}), instead of
     * coordinates; null when none was given.
     */
    private @Nullable OrgUnitChanged confirmedGrid(
            RaiseWhistle request, @Nullable Channel channel, @Nullable String address, List<Violation> violations) {
        var gridId = request.gridId() == null || request.gridId().isBlank()
                ? null
                : request.gridId().strip();
        if (gridId == null) {
            return null;
        }
        if (gridId.length() > GRID_ID_MAX_LENGTH) {
            violations.add(new Violation(
                    "location.gridId", Phrase.of("intake.refusal.gridIdTooLong", "max", GRID_ID_MAX_LENGTH)));
            return null;
        }
        if (channel != Channel.HOTLINE) {
            violations.add(new Violation("location.gridId", Phrase.of("intake.refusal.gridOnlyHotline")));
        }
        if (request.lat() != null || request.lng() != null) {
            violations.add(new Violation("location.gridId", Phrase.of("intake.refusal.gridNoCoordinates")));
        }
        if (address == null) {
            violations.add(new Violation("location.address", Phrase.of("intake.refusal.gridAddress")));
        }
        var grid = org.unit(gridId).filter(unit -> "GRID".equals(unit.kind()) && unit.active());
        if (grid.isEmpty()) {
            violations.add(new Violation("location.gridId", Phrase.of("intake.refusal.gridUnknown")));
        }
        return grid.orElse(null);
    }

    private static Place place(OrgUnitChanged unit) {
        return new Place(unit.unitId(), unit.name());
    }

    private static @Nullable String role(Caller caller) {
        return caller.roles().stream().sorted().findFirst().map(Enum::name).orElse(null);
    }

    /** Channels that speak for the platform's own staff need a signed-in caller; Open311 has its own door. */
    /** The channels a raise may name, as people call them. */
    private static final List<Phrase> CHANNELS = Stream.of(
                    Channel.APP, Channel.WECHAT, Channel.WEB, Channel.HOTLINE, Channel.PATROL)
            .map(channel -> Phrase.name("channel", channel))
            .toList();

    private static @Nullable Channel channel(
            @Nullable String name, @Nullable Caller caller, List<Violation> violations) {
        if (name == null || name.isBlank()) {
            violations.add(new Violation("channel", Phrase.of("intake.refusal.channelRequired", "choices", CHANNELS)));
            return null;
        }
        Channel channel;
        try {
            channel = Channel.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            violations.add(new Violation("channel", Phrase.of("refusal.oneOf", "choices", CHANNELS)));
            return null;
        }
        switch (channel) {
            case OPEN311 -> violations.add(new Violation("channel", Phrase.of("intake.refusal.channelOpen311")));
            case APP -> {
                if (caller == null) {
                    violations.add(new Violation("channel", Phrase.of("intake.refusal.channelApp")));
                }
            }
            case PATROL -> {
                if (caller == null
                        || !caller.hasAny(List.of(
                                Role.GRID_WORKER,
                                Role.COMMUNITY_STAFF,
                                Role.PARTY_MEMBER,
                                Role.STREET_DISPATCHER,
                                Role.DISTRICT_DISPATCHER,
                                Role.CITY_DISPATCHER))) {
                    violations.add(new Violation("channel", Phrase.of("intake.refusal.channelPatrol")));
                }
            }
            case HOTLINE -> {
                if (caller == null
                        || !caller.hasAny(List.of(
                                Role.STREET_DISPATCHER,
                                Role.DISTRICT_DISPATCHER,
                                Role.CITY_DISPATCHER,
                                Role.ADMINISTRATOR))) {
                    violations.add(new Violation("channel", Phrase.of("intake.refusal.channelHotline")));
                }
            }
            case WEB, WECHAT -> {}
        }
        return channel;
    }

    private Optional<org.whistle.events.CategoryChanged> category(@Nullable String code, List<Violation> violations) {
        if (code == null || code.isBlank()) {
            violations.add(new Violation("category", Phrase.of("refusal.required")));
            return Optional.empty();
        }
        if (code.length() > CATEGORY_MAX_LENGTH) {
            violations.add(
                    new Violation("category", Phrase.of("intake.refusal.gridIdTooLong", "max", CATEGORY_MAX_LENGTH)));
            return Optional.empty();
        }
        var category = org.category(code.strip()).filter(c -> c.active());
        if (category.isEmpty()) {
            violations.add(new Violation("category", Phrase.of("intake.refusal.categoryInactive")));
            return Optional.empty();
        }
        var main = category.get();
        if (main.parentCode() == null
                && org.categories().stream()
                        .anyMatch(c -> c.active() && main.code().equals(c.parentCode()))) {
            violations.add(
                    new Violation("category", Phrase.of("intake.refusal.categoryMain", "category", main.name())));
            return Optional.empty();
        }
        return category;
    }

    private static String description(@Nullable String text, int maxLength, List<Violation> violations) {
        if (text == null || text.isBlank()) {
            violations.add(new Violation("description", Phrase.of("refusal.required")));
            return "";
        }
        var stripped = text.strip();
        violations.addAll(TextBounds.check("description", stripped, maxLength));
        return stripped;
    }

    /** A link as given, http or https only (a link is shown to others; no script or file URLs), never fetched. */
    private static @Nullable String mediaUrl(@Nullable String text, List<Violation> violations) {
        if (text == null || text.isBlank()) {
            return null;
        }
        var link = text.strip();
        var bounds = TextBounds.line("media_url", link, MEDIA_URL_MAX_LENGTH);
        if (!bounds.isEmpty()) {
            violations.addAll(bounds);
            return null;
        }
        try {
            var uri = new java.net.URI(link);
            var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return link;
            }
        } catch (java.net.URISyntaxException e) {
            // refused below
        }
        violations.add(new Violation("media_url", Phrase.of("intake.refusal.mediaUrl")));
        return null;
    }

    private static Urgency urgency(@Nullable String name, Urgency fallback, List<Violation> violations) {
        if (name == null || name.isBlank()) {
            return fallback;
        }
        try {
            return Urgency.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            violations.add(new Violation(
                    "urgency", Phrase.of("refusal.oneOf", "choices", Phrase.names("priority", Urgency.class))));
            return fallback;
        }
    }

    private static @Nullable GeoPoint point(
            RaiseWhistle request, @Nullable String address, List<Violation> violations) {
        var lat = request.lat();
        var lng = request.lng();
        if (lat == null && lng == null) {
            if (address == null) {
                violations.add(new Violation("location", Phrase.of("intake.refusal.location")));
            }
            return null;
        }
        if (lat == null || lng == null) {
            violations.add(new Violation(
                    lat == null ? "location.lat" : "location.lng", Phrase.of("intake.refusal.otherCoordinate")));
            return null;
        }
        boolean bad = false;
        if (!(lat >= -90 && lat <= 90)) {
            violations.add(new Violation("location.lat", Phrase.of("intake.refusal.latitude")));
            bad = true;
        }
        if (!(lng >= -180 && lng <= 180)) {
            violations.add(new Violation("location.lng", Phrase.of("intake.refusal.longitude")));
            bad = true;
        }
        CoordinateSystem crs = CoordinateSystem.WGS84;
        if (request.crs() != null && !request.crs().isBlank()) {
            try {
                crs = CoordinateSystem.parse(request.crs());
            } catch (IllegalArgumentException e) {
                violations.add(new Violation(
                        "location.crs",
                        Phrase.of("refusal.oneOf", "choices", Phrase.names("crs", CoordinateSystem.class))));
                bad = true;
            }
        }
        return bad ? null : ChinaCoordinates.toWgs84(lat, lng, crs);
    }
}
