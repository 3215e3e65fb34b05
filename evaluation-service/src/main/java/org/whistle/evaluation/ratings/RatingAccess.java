package org.whistle.evaluation.ratings;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.whistle.evaluation.organisation.Organisation;
import org.whistle.evaluation.ratings.domain.UnitRating;
import org.whistle.problems.NotFoundException;
import org.whistle.security.AccessRefusedException;
import org.whistle.security.Caller;
import org.whistle.security.Role;
import org.whistle.texts.Phrase;

/**
 * Who may do what with a rating (ADR 0025), by role and organisation subtree like every other service:
 *
 * <ul>
 *   <li>the summoning centre rates: a dispatcher of the centre's level whose scope covers the centre's area;
 *   <li>the rated unit reads its ratings and appeals: a unit role with the {@code unit} claim naming the unit;
 *   <li>the level above decides appeals: a dispatcher whose scope covers an area above the centre's, not the centre's
 *       own area (a street's appeals go to its district or the city);
 *   <li>leaders read the ratings of the centres in their scope.
 * </ul>
 *
 * Anyone else who cannot see a rating gets 404, so its existence stays hidden; roles that never see ratings get 403.
 */
@Component
class RatingAccess {

    static final Map<Role, String> DISPATCHERS = Map.of(
            Role.STREET_DISPATCHER, "STREET",
            Role.DISTRICT_DISPATCHER, "DISTRICT",
            Role.CITY_DISPATCHER, "CITY");
    static final Set<Role> UNIT_ROLES =
            EnumSet.of(Role.DEPARTMENT_OFFICER, Role.DEPARTMENT_LEADER, Role.PROPERTY_STAFF, Role.COMMUNITY_STAFF);
    private static final Set<Role> READERS = EnumSet.of(
            Role.STREET_DISPATCHER,
            Role.DISTRICT_DISPATCHER,
            Role.CITY_DISPATCHER,
            Role.LEADER,
            Role.DEPARTMENT_OFFICER,
            Role.DEPARTMENT_LEADER,
            Role.PROPERTY_STAFF,
            Role.COMMUNITY_STAFF);

    private final Organisation organisation;

    RatingAccess(Organisation organisation) {
        this.organisation = organisation;
    }

    /** Where a centre stands: its level and its area with the areas above it. */
    record CentrePlace(String level, List<String> above, String area) {}

    CentrePlace place(String centreId) {
        var centre = organisation.unit(centreId);
        var level = centre.map(u -> u.commandLevel()).orElse(null);
        var areaId = centre.map(u -> u.areaId()).orElse(null);
        if (level == null || areaId == null) {
            // A centre this service has not heard of yet: only its own dispatchers (by the unit claim) act for it.
            return new CentrePlace("", List.of(), centreId);
        }
        var area = organisation.unit(areaId);
        return new CentrePlace(level, area.map(Organisation.Unit::ancestry).orElse(List.of()), areaId);
    }

    void requireSomeRatingRole(Caller caller) {
        if (!caller.hasAny(READERS)) {
            throw new AccessRefusedException(Phrase.of("evaluation.refusal.ratingsNotForRole"));
        }
    }

    /** The caller is a dispatcher of the centre: same level and a scope covering its area, or its unit claim. */
    boolean ratesFor(Caller caller, String centreId) {
        if (!caller.hasAny(DISPATCHERS.keySet())) {
            return false;
        }
        if (centreId.equals(caller.unit())) {
            return true;
        }
        var place = place(centreId);
        var path = new java.util.ArrayList<>(place.above());
        path.add(place.area());
        return DISPATCHERS.entrySet().stream()
                        .anyMatch(e -> caller.has(e.getKey()) && e.getValue().equals(place.level()))
                && caller.covers(path);
    }

    /** The caller is a dispatcher of a level above the centre's. */
    boolean decidesFor(Caller caller, String centreId) {
        if (!caller.hasAny(EnumSet.of(Role.DISTRICT_DISPATCHER, Role.CITY_DISPATCHER))) {
            return false;
        }
        if (centreId.equals(caller.unit())) {
            return false;
        }
        var place = place(centreId);
        return caller.covers(place.above()) && !caller.orgScope().contains(place.area());
    }

    boolean isUnit(Caller caller, String unitId) {
        return caller.hasAny(UNIT_ROLES) && unitId.equals(caller.unit());
    }

    boolean reads(Caller caller, UnitRating rating) {
        var centre = rating.part().centreId();
        if (ratesFor(caller, centre)
                || decidesFor(caller, centre)
                || isUnit(caller, rating.part().unitId())) {
            return true;
        }
        if (caller.has(Role.LEADER)) {
            var place = place(centre);
            var path = new java.util.ArrayList<>(place.above());
            path.add(place.area());
            return caller.covers(path);
        }
        return false;
    }

    void requireRead(Caller caller, UnitRating rating) {
        requireSomeRatingRole(caller);
        if (!reads(caller, rating)) {
            throw new NotFoundException("rating", rating.id().toString());
        }
    }

    void requireRate(Caller caller, UnitRating rating) {
        requireRead(caller, rating);
        if (!ratesFor(caller, rating.part().centreId())) {
            throw new AccessRefusedException(Phrase.of("evaluation.refusal.raterIsWhistler"));
        }
    }

    void requireAppeal(Caller caller, UnitRating rating) {
        requireRead(caller, rating);
        if (!isUnit(caller, rating.part().unitId())) {
            throw new AccessRefusedException(Phrase.of("evaluation.refusal.appealByRatedUnit"));
        }
    }

    void requireDecide(Caller caller, UnitRating rating) {
        requireRead(caller, rating);
        if (!decidesFor(caller, rating.part().centreId())) {
            throw new AccessRefusedException(Phrase.of("evaluation.refusal.appealLevel"));
        }
    }
}
