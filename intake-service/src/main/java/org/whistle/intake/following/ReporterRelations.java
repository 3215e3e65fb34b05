package org.whistle.intake.following;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.whistle.events.CommandLevel;
import org.whistle.events.OrgUnitChanged;
import org.whistle.events.TaskState;
import org.whistle.intake.following.FollowingWhistles.Seen;
import org.whistle.intake.following.FollowingWhistles.Viewer;
import org.whistle.orgreference.copy.OrgReferenceCopy;
import org.whistle.security.Caller;
import org.whistle.security.Role;
import org.whistle.security.personaldata.ContactDisclosurePolicy;
import org.whistle.security.personaldata.ContactDisclosurePolicy.Relation;
import org.whistle.security.personaldata.ContactDisclosurePolicy.Whose;
import org.whistle.security.personaldata.Disclosure;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * How someone who may see a whistle stands to its reporter, and so how much of the reporter's contact they see
 * ({@link ContactDisclosurePolicy}): the reporter themselves; a dispatcher of the centre that owns the ticket now, at
 * its level (before filing: the street's centre, or the fallback owner); staff of a unit whose task on it is still
 * open; anyone else. Once the whistle is closed, nobody needs to call.
 */
@Component
public class ReporterRelations {

    private static final Map<Role, CommandLevel> DISPATCHERS = Map.of(
            Role.STREET_DISPATCHER, CommandLevel.STREET,
            Role.DISTRICT_DISPATCHER, CommandLevel.DISTRICT,
            Role.CITY_DISPATCHER, CommandLevel.CITY);
    private static final Set<String> OPEN_TASKS =
            Set.of(TaskState.SUMMONED.name(), TaskState.REPORTED_IN.name(), TaskState.ON_SITE.name());

    private final OrgReferenceCopy org;
    private final JsonMapper json;

    ReporterRelations(OrgReferenceCopy org, JsonMapper json) {
        this.org = org;
        this.json = json;
    }

    /** How much of the reporter's contact this caller sees on this whistle. */
    public Disclosure disclosure(Seen seen, @Nullable Caller caller) {
        return ContactDisclosurePolicy.decide(
                Whose.REPORTER, relation(seen, caller), caller == null ? Set.of() : caller.roles());
    }

    public Relation relation(Seen seen, @Nullable Caller caller) {
        if (seen.viewer() == Viewer.REPORTER) {
            return Relation.SELF;
        }
        if (caller == null) {
            return Relation.ANONYMOUS;
        }
        var whistle = seen.whistle();
        if (!whistle.status().open()) {
            return Relation.OTHER;
        }
        if (owningCentre(whistle, caller)) {
            return Relation.OWNING_CENTRE;
        }
        var task = caller.unit() == null ? null : tasks(whistle).get(caller.unit());
        if (task != null && OPEN_TASKS.contains(task)) {
            return Relation.SUMMONED_UNIT;
        }
        return Relation.OTHER;
    }

    private boolean owningCentre(WhistleRecord whistle, Caller caller) {
        CommandLevel level;
        List<String> area;
        if (whistle.owningCentre() != null && whistle.owningLevel() != null) {
            level = CommandLevel.valueOf(whistle.owningLevel());
            area = areaOf(whistle.owningCentre());
        } else if (whistle.streetId() != null) {
            level = CommandLevel.STREET;
            area = org.ancestry(whistle.streetId()).stream()
                    .map(OrgUnitChanged::unitId)
                    .toList();
        } else if (whistle.fallbackOwnerId() != null) {
            level = org.unit(whistle.fallbackOwnerId())
                    .map(OrgUnitChanged::commandLevel)
                    .orElse(CommandLevel.CITY);
            area = areaOf(whistle.fallbackOwnerId());
        } else {
            return false;
        }
        var dispatcherThere = caller.roles().stream().anyMatch(role -> DISPATCHERS.get(role) == level);
        return dispatcherThere && !area.isEmpty() && caller.covers(area);
    }

    /** A centre's area: its ancestors and the node it answers for, as dispatch reads it. */
    private List<String> areaOf(String centre) {
        return org.unit(centre)
                .map(unit -> {
                    var codes = new ArrayList<>(unit.ancestry());
                    codes.add(unit.areaId() == null ? unit.unitId() : unit.areaId());
                    return List.copyOf(codes);
                })
                .orElse(List.of(centre));
    }

    private Map<String, String> tasks(WhistleRecord whistle) {
        return json.readValue(whistle.unitTasks(), new TypeReference<Map<String, String>>() {});
    }
}
