package org.whistle.members.whistles;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.whistle.members.tasks.Photos;
import org.whistle.members.tasks.Tasks;
import org.whistle.members.tasks.domain.ClaimState;

/**
 * The photos that answered a whistle: those {@code community-task-completed} named as the result of the task made
 * from it (an approved claim's evidence photo, else its check-in photo), and no other. Intake reads them here to show
 * them to the whistle's reporter and staff under its own rules (ADR 0051); the bytes are the member's, as taken, so
 * they leave this service only to Whistle services.
 */
@Service
public class ResultPhotos {

    private final Tasks tasks;
    private final Photos photos;

    ResultPhotos(Tasks tasks, Photos photos) {
        this.tasks = tasks;
        this.photos = photos;
    }

    /** The photo, when it is one of the results of the task made from the whistle; empty otherwise. */
    @Transactional(readOnly = true)
    public Optional<Photos.Photo> of(UUID whistleId, UUID photoId) {
        var task = tasks.byWhistle(whistleId);
        if (task.isEmpty()) {
            return Optional.empty();
        }
        // The same choice as the event that named the photos (MembersEventsOut): the evidence photo, else the check-in.
        boolean named = task.get().claims().stream()
                .filter(c -> c.state() == ClaimState.APPROVED)
                .map(c -> c.evidencePhoto() != null ? c.evidencePhoto() : c.checkInPhoto())
                .filter(Objects::nonNull)
                .anyMatch(photoId::equals);
        if (!named) {
            return Optional.empty();
        }
        return photos.byId(photoId)
                .filter(p -> p.taskId().equals(task.get().id().value()));
    }
}
