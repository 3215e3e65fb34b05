package org.whistle.sla.clocks;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.whistle.testing.architecture.DomainRules;

class ClocksArchitectureTest {

    private final com.tngtech.archunit.core.domain.JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.whistle.sla");

    @Test
    void keepsSpringOutOfTheDomain() {
        DomainRules.domainIsFreeOfSpring().check(classes);
    }

    @Test
    void keepsKafkaOutOfTheDomain() {
        noClasses()
                .that()
                .resideInAPackage("..domain..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.apache.kafka..")
                .because("the clock rules are the same whatever runs them")
                .check(classes);
    }
}
