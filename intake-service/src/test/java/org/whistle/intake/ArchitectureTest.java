package org.whistle.intake;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.whistle.testing.architecture.DomainRules;

class ArchitectureTest {

    @Test
    void keepsSpringOutOfIntakesDomainPackages() {
        var classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.whistle.intake");

        DomainRules.domainIsFreeOfSpring().check(classes);
    }
}
