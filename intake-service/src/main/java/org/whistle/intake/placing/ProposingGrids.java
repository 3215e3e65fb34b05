package org.whistle.intake.placing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.whistle.events.OrgUnitChanged;
import org.whistle.intake.placing.domain.PlaceNames;
import org.whistle.intake.raising.TextBounds;
import org.whistle.intake.raising.domain.Place;
import org.whistle.orgreference.copy.OrgReferenceCopy;
import org.whistle.problems.InvalidInputException;
import org.whistle.problems.Violation;
import org.whistle.security.AccessRefusedException;
import org.whistle.security.Caller;
import org.whistle.security.Role;
import org.whistle.texts.Phrase;

/**
 * Proposes grids for the address a caller gives on the phone (电话受理): the org tree's own names (district, street,
 * community, compound, grid; with or without 区/街道/社区/小区) and the geocoder's roads and landmarks are looked for
 * in the words, and the grids they point at are ranked, each with why. The dispatcher confirms one and raises the
 * hotline whistle with it ({@code location.gridId}), so the call lands at that grid's street rather than with the
 * city's fallback.
 */
@Service
public class ProposingGrids {

    /** Who takes calls: the command centres' dispatchers (the city's 12345 integration is a city dispatcher). */
    public static final Set<Role> CALL_TAKERS =
            Set.of(Role.STREET_DISPATCHER, Role.DISTRICT_DISPATCHER, Role.CITY_DISPATCHER, Role.ADMINISTRATOR);

    static final int ADDRESS_MAX_LENGTH = 500;

    /** What each kind of node is called in a reason, and how much finding its name says. */
    private record KindOfPlace(String label, int weight) {}

    private static final Map<String, KindOfPlace> KINDS = Map.of(
            "CITY", new KindOfPlace("市", 1),
            "DISTRICT", new KindOfPlace("区县", 2),
            "STREET", new KindOfPlace("街道乡镇", 3),
            "COMMUNITY", new KindOfPlace("社区村", 4),
            "COMPOUND", new KindOfPlace("小区", 5),
            "GRID", new KindOfPlace("网格", 6));

    private final OrgReferenceCopy org;
    private final Geocoder geocoder;
    private final GeocoderProperties properties;

    ProposingGrids(OrgReferenceCopy org, Geocoder geocoder, GeocoderProperties properties) {
        this.org = org;
        this.geocoder = geocoder;
        this.properties = properties;
    }

    /** The address as it was asked about, and the grids proposed for it, best first; none when nothing matched. */
    public record Proposals(String address, List<Proposal> proposals) {}

    /**
     * One proposed grid.
     *
     * @param place the grid's place from its district down (甘南县 › 甘南镇 › 繁荣社区 › 繁荣社区第一网格)
     * @param why the names that put it here, in Chinese (匹配：将军府小区（小区）、建华区（区县）)
     */
    public record Proposal(
            String gridId,
            String gridName,
            @Nullable Place street,
            @Nullable Place district,
            String place,
            int score,
            String why) {}

    /**
     * @throws AccessRefusedException when the caller does not take calls for a command centre
     * @throws InvalidInputException naming {@code address} or {@code limit}
     */
    public Proposals propose(@Nullable String address, @Nullable Integer limit, @Nullable Caller caller) {
        if (caller == null || !caller.hasAny(CALL_TAKERS)) {
            throw new AccessRefusedException(Phrase.of("intake.refusal.callTakersOnly"));
        }
        var violations = new ArrayList<Violation>();
        var text = address == null ? "" : address.strip();
        if (text.isEmpty()) {
            violations.add(new Violation("address", Phrase.of("intake.refusal.callerAddress")));
        }
        violations.addAll(TextBounds.line("address", text, ADDRESS_MAX_LENGTH));
        int max = properties.maxProposals();
        int wanted = limit == null ? Math.min(5, max) : limit;
        if (wanted < 1 || wanted > max) {
            violations.add(new Violation("limit", Phrase.of("refusal.between", "min", 1, "max", max)));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        var units = org.activeUnits();
        var names = new ArrayList<PlaceNames.Name>();
        var grids = new ArrayList<PlaceNames.Grid>();
        for (var unit : units) {
            var kind = KINDS.get(unit.kind());
            if (kind == null) {
                continue;
            }
            names.addAll(PlaceNames.withShortForms(
                    new PlaceNames.Name(unit.unitId(), unit.name(), kind.label(), kind.weight())));
            if ("GRID".equals(unit.kind())) {
                var chain = new ArrayList<>(unit.ancestry());
                chain.add(unit.unitId());
                grids.add(new PlaceNames.Grid(unit.unitId(), chain));
            }
        }
        var found = new ArrayList<>(PlaceNames.find(text, names));
        found.addAll(geocoder.find(text));
        var ranked = PlaceNames.rank(PlaceNames.longest(found), grids, wanted);
        return new Proposals(text, ranked.stream().map(this::proposal).toList());
    }

    private Proposal proposal(PlaceNames.Ranked ranked) {
        var chain = org.ancestry(ranked.gridId());
        var grid = chain.getLast();
        var why = ranked.because().stream()
                .map(name -> name.text() + "（" + name.label() + "）")
                .distinct()
                .collect(Collectors.joining("、", "匹配：", ""));
        return new Proposal(
                grid.unitId(),
                grid.name(),
                ofKind(chain, "STREET"),
                ofKind(chain, "DISTRICT"),
                chain.stream()
                        .filter(node -> !"CITY".equals(node.kind()))
                        .map(OrgUnitChanged::name)
                        .collect(Collectors.joining(" › ")),
                ranked.score(),
                why);
    }

    private static @Nullable Place ofKind(List<OrgUnitChanged> chain, String kind) {
        return chain.stream()
                .filter(node -> kind.equals(node.kind()))
                .findFirst()
                .map(node -> new Place(node.unitId(), node.name()))
                .orElse(null);
    }
}
