package org.whistle.members.tasks.domain;

import java.util.UUID;

/** A task or micro-wish. */
public record TaskId(UUID value) {

    public static TaskId newId() {
        return new TaskId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
