package org.whistle.systemtests;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One local stack for every system-test class in the test run: a stack takes half a minute or more to start, so the
 * first class that asks starts it and the rest share it; JUnit closes it, with its check that every service process
 * stopped, when the whole run ends.
 *
 * <p>Use: {@code @ExtendWith(SharedLocalStack.class)} on the class, and a {@link Platform} parameter on a
 * constructor, a {@code @BeforeAll} or a test method. A stack that failed to start fails every class that asks for
 * it, without starting it again.
 *
 * <p>Tests on the shared stack see each other's data: they raise their own whistles and look only at those.
 */
public final class SharedLocalStack implements ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(SharedLocalStack.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Platform.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return platform(context);
    }

    /** The shared platform, started on first use; kept in the root store so JUnit closes it after the last class. */
    public static Platform platform(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(Starting.class, key -> new Starting(), Starting.class)
                .platform();
    }

    /** The platform once started, or why it could not start; closed by JUnit with the root store. */
    private static final class Starting implements AutoCloseable {

        private @Nullable Platform platform;
        private @Nullable RuntimeException failure;

        synchronized Platform platform() {
            if (platform == null && failure == null) {
                try {
                    platform = Platform.start();
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
            if (failure != null) {
                throw new IllegalStateException("the shared local stack did not start", failure);
            }
            return platform;
        }

        @Override
        public synchronized void close() {
            if (platform != null) {
                platform.close();
            }
        }
    }
}
