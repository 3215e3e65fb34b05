package org.whistle.testing;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** A value started on first use; a failed start is remembered so later callers fail fast with the same cause. */
final class Lazy<T> {

    private final String description;
    private final Supplier<T> starter;
    private @Nullable T value;
    private @Nullable RuntimeException failure;

    Lazy(String description, Supplier<T> starter) {
        this.description = description;
        this.starter = starter;
    }

    synchronized T get() {
        if (value != null) {
            return value;
        }
        if (failure != null) {
            throw new IllegalStateException("Could not start " + description + " earlier in this JVM", failure);
        }
        try {
            value = starter.get();
            return value;
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        }
    }

    synchronized @Nullable T ifStarted() {
        return value;
    }
}
