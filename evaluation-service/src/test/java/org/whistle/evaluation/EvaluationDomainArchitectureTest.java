package org.whistle.evaluation;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.whistle.testing.architecture.DomainRules;

/** The fold, the rates and the rule sets are stated without Spring. */
class EvaluationDomainArchitectureTest {

    @Test
    void keepsSpringOutOfTheDomain() {
        DomainRules.domainIsFreeOfSpring()
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.whistle.evaluation"));
    }
}
