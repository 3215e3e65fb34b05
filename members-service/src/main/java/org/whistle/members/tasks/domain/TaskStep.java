package org.whistle.members.tasks.domain;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One line of a task's timeline (append-only in the database): who did what, when, to whose claim, with a note. */
public record TaskStep(
        int seq,
        Instant at,
        TaskAction action,
        String actor,
        String actorName,
        @Nullable UUID memberId,
        @Nullable String note) {}
