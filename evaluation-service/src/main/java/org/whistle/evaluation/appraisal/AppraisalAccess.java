package org.whistle.evaluation.appraisal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.whistle.evaluation.organisation.Organisation;
import org.whistle.problems.NotFoundException;
import org.whistle.security.AccessRefusedException;
import org.whistle.security.Caller;
import org.whistle.security.Role;
import org.whistle.texts.Phrase;

/**
 * Who reads appraisals (ADR 0025): command centres, leaders and administrators for the areas their scope covers; a
 * unit its own appraisal; a centre the appraisal of a unit it summoned and rated. Secretary appraisals are scored by
 * the street or district above the community (its dispatchers and administrators) and read by the secretary's own
 * community staff.
 */
@Component
class AppraisalAccess {

    static final Set<Role> AREA_READERS = EnumSet.of(
            Role.STREET_DISPATCHER, Role.DISTRICT_DISPATCHER, Role.CITY_DISPATCHER, Role.LEADER, Role.ADMINISTRATOR);
    static final Set<Role> APPRAISERS =
            EnumSet.of(Role.STREET_DISPATCHER, Role.DISTRICT_DISPATCHER, Role.CITY_DISPATCHER, Role.ADMINISTRATOR);
    static final Set<Role> UNIT_ROLES =
            EnumSet.of(Role.DEPARTMENT_OFFICER, Role.DEPARTMENT_LEADER, Role.PROPERTY_STAFF, Role.COMMUNITY_STAFF);

    private final Organisation organisation;
    private final JdbcClient jdbc;

    AppraisalAccess(Organisation organisation, JdbcClient jdbc) {
        this.organisation = organisation;
        this.jdbc = jdbc;
    }

    /** The node and its ancestors. */
    List<String> pathOf(String nodeId) {
        var node = organisation.unit(nodeId).orElseThrow(() -> new NotFoundException("area", nodeId));
        var path = new ArrayList<>(node.ancestry());
        path.add(node.id());
        return path;
    }

    void requireArea(Caller caller, String area) {
        if (!caller.hasAny(AREA_READERS)) {
            throw new AccessRefusedException(Phrase.of("evaluation.refusal.rankingsNotForRole"));
        }
        if (!caller.covers(pathOf(area))) {
            throw new AccessRefusedException(Phrase.of("evaluation.refusal.ownJurisdictionOnly"));
        }
    }

    void requireDepartment(Caller caller, String unitId) {
        var unit = organisation.unit(unitId).orElseThrow(() -> new NotFoundException("unit", unitId));
        if (caller.hasAny(UNIT_ROLES) && unitId.equals(caller.unit())) {
            return;
        }
        if (!caller.hasAny(AREA_READERS)) {
            throw new AccessRefusedException(Phrase.of("evaluation.refusal.ownUnitOnly"));
        }
        var area = unit.areaId();
        if (area != null && caller.covers(pathOf(area))) {
            return;
        }
        var centre = caller.unit();
        boolean summoned = centre != null
                && jdbc.sql("SELECT EXISTS (SELECT 1 FROM unit_rating WHERE centre_id = :c AND unit_id = :u)")
                        .param("c", centre)
                        .param("u", unitId)
                        .query(Boolean.class)
                        .single();
        if (!summoned) {
            throw new NotFoundException("unit", unitId);
        }
    }

    void requireAdministrator(Caller caller) {
        if (!caller.has(Role.ADMINISTRATOR)) {
            throw new AccessRefusedException(Phrase.of("evaluation.refusal.adminWeights"));
        }
    }

    /** Appraises a community's secretary: a dispatcher or administrator whose scope covers an area above it. */
    boolean appraises(Caller caller, String community) {
        if (!caller.hasAny(APPRAISERS)) {
            return false;
        }
        var node = organisation.unit(community);
        if (node.isEmpty()) {
            // a community the organisation feed has not brought yet: only an administrator sees its secretary
            return caller.has(Role.ADMINISTRATOR);
        }
        return caller.covers(node.get().ancestry());
    }

    boolean readsSecretary(Caller caller, String community) {
        if (appraises(caller, community)) {
            return true;
        }
        if (caller.has(Role.LEADER) && organisation.unit(community).isPresent() && caller.covers(pathOf(community))) {
            return true;
        }
        return caller.has(Role.COMMUNITY_STAFF) && caller.orgScope().contains(community);
    }

    void requireAppraise(Caller caller, String community) {
        requireReadSecretary(caller, community);
        if (!appraises(caller, community)) {
            throw new AccessRefusedException(Phrase.of("evaluation.refusal.secretaryRaters"));
        }
    }

    void requireReadSecretary(Caller caller, String community) {
        if (!caller.hasAny(EnumSet.of(
                Role.STREET_DISPATCHER,
                Role.DISTRICT_DISPATCHER,
                Role.CITY_DISPATCHER,
                Role.LEADER,
                Role.ADMINISTRATOR,
                Role.COMMUNITY_STAFF))) {
            throw new AccessRefusedException(Phrase.of("evaluation.refusal.secretariesNotForRole"));
        }
        if (!readsSecretary(caller, community)) {
            throw new NotFoundException("secretary", community);
        }
    }
}
