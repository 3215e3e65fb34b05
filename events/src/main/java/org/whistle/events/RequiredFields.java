package org.whistle.events;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Enforces the contract's nullness at the boundary: a record component not marked {@link Nullable} must hold a
 * value, in nested records and collections too. Applied when an envelope is built, whether by a producer or by
 * decoding, so neither side can pass on a document its JSON Schema would refuse.
 */
final class RequiredFields {

    private RequiredFields() {}

    static void check(Record value) {
        check(value, value.getClass().getSimpleName());
    }

    private static void check(Record value, String path) {
        for (RecordComponent component : value.getClass().getRecordComponents()) {
            Object field = read(component, value);
            String fieldPath = path + "." + component.getName();
            if (field == null) {
                if (!component.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
                    throw new MissingFieldException(fieldPath);
                }
            } else {
                checkNested(field, fieldPath);
            }
        }
    }

    private static void checkNested(Object field, String path) {
        if (field instanceof Record nested) {
            check(nested, path);
        } else if (field instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                if (item == null) {
                    throw new MissingFieldException(path + "[" + index + "]");
                }
                checkNested(item, path + "[" + index++ + "]");
            }
        } else if (field instanceof Map<?, ?> entries) {
            entries.forEach((key, item) -> {
                if (item == null) {
                    throw new MissingFieldException(path + "[" + key + "]");
                }
            });
        }
    }

    private static @Nullable Object read(RecordComponent component, Record value) {
        try {
            return component.getAccessor().invoke(value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }

    /** A required field of an event is missing. */
    static final class MissingFieldException extends IllegalArgumentException {
        MissingFieldException(String path) {
            super("required field missing: " + path);
        }
    }
}
