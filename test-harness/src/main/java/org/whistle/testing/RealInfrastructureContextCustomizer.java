package org.whistle.testing;

import java.util.LinkedHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Adds the infrastructure properties when Spring builds a context.
 *
 * <p>Equality covers only the annotation's settings: test classes configured alike share one cached context and so
 * one database, while each newly built context gets a database of its own.
 */
record RealInfrastructureContextCustomizer(boolean database) implements ContextCustomizer {

    static final String PROPERTY_SOURCE_NAME = "whistleRealInfrastructure";

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
        var infrastructure = TestInfrastructure.get();
        var hint = mergedConfig.getTestClass().getSimpleName();
        // The first context of a JVM starts both servers; side by side that takes the time of the slower one.
        var pendingDatabase = database
                ? CompletableFuture.supplyAsync(() -> infrastructure.newDatabase(hint))
                : CompletableFuture.<@Nullable DatabaseCoordinates>completedFuture(null);
        var properties = new LinkedHashMap<String, Object>();
        properties.put("spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers());
        // Services check tokens against this JVM's test issuer, as they would against org-registry's keys.
        properties.put("whistle.security.jwks-uri", TestIssuer.get().jwksUri().toString());
        var coordinates = join(pendingDatabase);
        if (coordinates != null) {
            properties.put("spring.datasource.url", coordinates.jdbcUrl());
            properties.put("spring.datasource.username", coordinates.username());
            properties.put("spring.datasource.password", coordinates.password());
        }
        var source = new MapPropertySource(PROPERTY_SOURCE_NAME, properties);
        var sources = context.getEnvironment().getPropertySources();
        // Properties a test states itself (@SpringBootTest(properties), @TestPropertySource) still win.
        var inlined = TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME;
        if (sources.contains(inlined)) {
            sources.addAfter(inlined, source);
        } else {
            sources.addFirst(source);
        }
    }

    private static @Nullable DatabaseCoordinates join(CompletableFuture<@Nullable DatabaseCoordinates> database) {
        try {
            return database.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
