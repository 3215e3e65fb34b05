package org.whistle.testing;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/** Gives test classes annotated with {@link RealInfrastructure} their infrastructure properties. */
final class RealInfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public @Nullable ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        var annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass, RealInfrastructure.class);
        return annotation == null ? null : new RealInfrastructureContextCustomizer(annotation.database());
    }
}
