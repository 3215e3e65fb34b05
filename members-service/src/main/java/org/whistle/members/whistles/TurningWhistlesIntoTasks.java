package org.whistle.members.whistles;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.whistle.members.access.MembersAccess;
import org.whistle.members.place.Places;
import org.whistle.members.tasks.DoingTasks;
import org.whistle.members.tasks.domain.Task;
import org.whistle.members.tasks.domain.TaskKind;
import org.whistle.members.tasks.domain.TaskWindow;
import org.whistle.problems.ConflictException;
import org.whistle.problems.NotFoundException;
import org.whistle.security.Caller;
import org.whistle.security.personaldata.PersonalData;
import org.whistle.texts.Phrase;

/**
 * A dispatcher or grid worker lets the community handle a small whistle itself instead of summoning departments: the
 * whistle becomes a community task in its grid. The task's {@code community-task-published} event tells dispatch,
 * which records it on the ticket (the community's unit summoned and reported in); its {@code community-task-completed}
 * resolves and closes the ticket, so the reporter gets an answer as with any other whistle.
 */
@Service
public class TurningWhistlesIntoTasks {

    /** What the grid worker sets; the rest comes from the whistle. */
    public record Details(
            String title,
            String place,
            TaskWindow window,
            int places,
            List<String> skills,
            int points,
            boolean checkInRequired) {}

    private final WhistleCopy whistles;
    private final DoingTasks doing;
    private final Places places;
    private final MembersAccess access;

    TurningWhistlesIntoTasks(WhistleCopy whistles, DoingTasks doing, Places places, MembersAccess access) {
        this.whistles = whistles;
        this.doing = doing;
        this.places = places;
        this.access = access;
    }

    @Transactional
    public Task turn(Caller caller, UUID whistleId, Details details) {
        var whistle = whistles.byId(whistleId)
                .filter(w -> !w.description().isEmpty())
                .orElseThrow(() -> new NotFoundException("whistle", whistleId.toString()));
        if (whistle.gridId() == null) {
            throw new ConflictException(Phrase.of("members.refusal.whistleNoGrid"));
        }
        access.requireManager(caller, whistle.gridId());
        if (!whistle.open()) {
            throw new ConflictException(Phrase.of("members.refusal.whistleClosed"));
        }
        var compound = places.compoundOf(whistle.gridId())
                .orElseThrow(() -> new ConflictException(Phrase.of("members.refusal.whistleGridNoCompound")));
        var spec = new Task.Spec(
                TaskKind.WHISTLE,
                details.title(),
                PersonalData.phonesIn(whistle.description()),
                compound,
                whistle.gridId(),
                details.place(),
                details.window(),
                details.places(),
                details.skills(),
                details.points(),
                details.checkInRequired());
        return doing.publish(caller, spec, new Task.FromWhistle(whistleId, whistle.ticketId(), null));
    }

    @Transactional(readOnly = true)
    public List<WhistleCopy.Known> open(Caller caller, String compoundId) {
        access.requireManager(caller, compoundId);
        var grids = places.gridsOf(compoundId);
        return whistles.openIn(grids, 100);
    }
}
