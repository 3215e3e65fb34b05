package org.whistle.testing.architecture;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ModuleBoundariesTest {

    private static final String FIXTURE = "org.whistle.testing.architecture.fixture";

    private static JavaClasses service(String name) {
        return new ClassFileImporter().importPackages(FIXTURE + "." + name);
    }

    private static ModuleBoundaries boundaries(String name) {
        return ModuleBoundaries.of(FIXTURE + "." + name);
    }

    @Test
    void acceptsCapabilitiesThatUseEachOtherThroughTheirApiAndASharedWebEdge() {
        assertThatCode(() -> boundaries("clean").check(service("clean"))).doesNotThrowAnyException();
    }

    @Test
    void refusesABlankOrDottedBasePackage() {
        assertThatThrownBy(() -> ModuleBoundaries.of("org.whistle.")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ModuleBoundaries.of(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Nested
    class Cycles {

        @Test
        void rejectsTwoCapabilitiesThatNeedEachOther() {
            assertThatThrownBy(() -> boundaries("cyclic").check(service("cyclic")))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("free of cycles")
                    .hasMessageContaining("Ordering")
                    .hasMessageContaining("Billing");
        }

        @Test
        void acceptsACycleWhoseEdgeIsAStatedException() {
            var excepted = boundaries("cyclic")
                    .except(
                            FIXTURE + ".cyclic.billing.Billing",
                            FIXTURE + ".cyclic.ordering.Ordering",
                            "billing reorders until the two are split");

            assertThatCode(() -> excepted.check(service("cyclic"))).doesNotThrowAnyException();
            assertThatThrownBy(() -> boundaries("cyclic").except("a.B", "a.C", " "))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Domain {

        @Test
        void rejectsDomainClassesThatUsePersistenceOrSpring() {
            assertThatThrownBy(() -> boundaries("leaky").check(service("leaky")))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("java.sql.Timestamp")
                    .hasMessageContaining("org.springframework.util.Assert");
        }

        @Test
        void exceptsOnlyTheNamedPair() {
            var excepted = boundaries("leaky")
                    .except(
                            FIXTURE + ".leaky.ordering.domain.Order",
                            "java.sql.Timestamp",
                            "the fixture keeps its timestamp");

            assertThatThrownBy(() -> excepted.check(service("leaky")))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("org.springframework.util.Assert")
                    .hasMessageNotContaining("java.sql.Timestamp");
        }
    }

    @Nested
    class Web {

        @Test
        void rejectsACapabilityUsingItsOwnWebAndAnotherCapabilitysWeb() {
            assertThatThrownBy(() -> boundaries("outward").check(service("outward")))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining(FIXTURE + ".outward.ordering.Ordering")
                    .hasMessageContaining(FIXTURE + ".outward.billing.web.BillController");
        }

        @Test
        void describesItsExceptionsWithTheirReasons() {
            var excepted = boundaries("outward").except("x.A", "x.web.B", "kept until the split");

            org.assertj.core.api.Assertions.assertThat(excepted.toString())
                    .contains("x.A -> x.web.B: kept until the split");
        }
    }
}
