package org.whistle.orgreference.domain;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.whistle.testing.architecture.DomainRules;

class DomainRulesTest {

    @Test
    void keepsSpringOutOfTheReferenceRules() {
        var classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.whistle.orgreference.domain");

        DomainRules.domainIsFreeOfSpring().check(classes);
    }
}
