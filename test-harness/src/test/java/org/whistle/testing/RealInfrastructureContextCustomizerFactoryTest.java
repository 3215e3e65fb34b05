package org.whistle.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RealInfrastructureContextCustomizerFactoryTest {

    private final RealInfrastructureContextCustomizerFactory factory = new RealInfrastructureContextCustomizerFactory();

    @Test
    void givesAlikeAnnotatedClassesEqualCustomizersSoTheyShareACachedContext() {
        var first = factory.createContextCustomizer(FirstServiceTest.class, List.of());
        var second = factory.createContextCustomizer(SecondServiceTest.class, List.of());

        assertThat(first).isNotNull().isEqualTo(second).hasSameHashCodeAs(second);
    }

    @Test
    void distinguishesContextsWithoutADatabase() {
        var withDatabase = factory.createContextCustomizer(FirstServiceTest.class, List.of());
        var withoutDatabase = factory.createContextCustomizer(NoDatabaseServiceTest.class, List.of());

        assertThat(withoutDatabase).isNotNull().isNotEqualTo(withDatabase);
    }

    @Test
    void findsTheAnnotationOnASuperclass() {
        assertThat(factory.createContextCustomizer(InheritingServiceTest.class, List.of()))
                .isEqualTo(factory.createContextCustomizer(FirstServiceTest.class, List.of()));
    }

    @Test
    void leavesUnannotatedClassesAlone() {
        assertThat(factory.createContextCustomizer(PlainTest.class, List.of())).isNull();
    }

    @RealInfrastructure
    static class FirstServiceTest {}

    @RealInfrastructure
    static class SecondServiceTest {}

    @RealInfrastructure(database = false)
    static class NoDatabaseServiceTest {}

    static class InheritingServiceTest extends FirstServiceTest {}

    static class PlainTest {}
}
