package org.whistle.events;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Enforces the contract's nullness at the boundary: a record component not marked {@link Nullable} must hold a
 * value, in nested records and collections too. Applied when an envelope is built, whether by a producer or by
 * decoding, so neither side can pass on a document its JSON Schema would refuse.
 *
 * <p>What to check of a record type is worked out once per type ({@link #COMPONENTS}): listing the components,
 * parsing their type annotations and looking up their accessors by reflection on every envelope cost 5–14 % of each
 * consuming service's CPU at the lifecycle bench's knee (issue 22). The path named in a refusal is put together only
 * when a field is missing.
 */
final class RequiredFields {

    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    private static final MethodType READ = MethodType.methodType(Object.class, Record.class);

    /** One record component as checked: its name, whether it may be null, and its accessor. */
    private record Component(String name, boolean nullable, MethodHandle accessor) {

        @Nullable
        Object read(Record value) {
            try {
                return accessor.invokeExact(value);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("cannot read " + name + " of " + value.getClass(), e);
            }
        }
    }

    private static final ClassValue<Component[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected Component[] computeValue(Class<?> type) {
            return Arrays.stream(type.getRecordComponents())
                    .map(RequiredFields::component)
                    .toArray(Component[]::new);
        }
    };

    private RequiredFields() {}

    static void check(Record value) {
        try {
            checkRecord(value);
        } catch (MissingFieldException missing) {
            throw missing.under(value.getClass().getSimpleName());
        }
    }

    private static void checkRecord(Record value) {
        for (Component component : COMPONENTS.get(value.getClass())) {
            Object field = component.read(value);
            if (field == null) {
                if (!component.nullable()) {
                    throw new MissingFieldException("." + component.name());
                }
            } else {
                try {
                    checkNested(field);
                } catch (MissingFieldException missing) {
                    throw missing.under("." + component.name());
                }
            }
        }
    }

    private static void checkNested(Object field) {
        if (field instanceof Record nested) {
            checkRecord(nested);
        } else if (field instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                if (item == null) {
                    throw new MissingFieldException("[" + index + "]");
                }
                try {
                    checkNested(item);
                } catch (MissingFieldException missing) {
                    throw missing.under("[" + index + "]");
                }
                index++;
            }
        } else if (field instanceof Map<?, ?> entries) {
            entries.forEach((key, item) -> {
                if (item == null) {
                    throw new MissingFieldException("[" + key + "]");
                }
            });
        }
    }

    private static Component component(RecordComponent component) {
        try {
            return new Component(
                    component.getName(),
                    component.getAnnotatedType().isAnnotationPresent(Nullable.class),
                    LOOKUP.unreflect(component.getAccessor()).asType(READ));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }

    /** A required field of an event is missing. */
    static final class MissingFieldException extends IllegalArgumentException {

        private final String path;

        MissingFieldException(String path) {
            super("required field missing: " + path);
            this.path = path;
        }

        /** The same refusal named from the enclosing value: {@code prefix} goes before the path found so far. */
        MissingFieldException under(String prefix) {
            return new MissingFieldException(prefix + path);
        }
    }
}
