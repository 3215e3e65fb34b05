package org.whistle.orgregistry.identity;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.whistle.testing.architecture.DomainRules;

class IdentityArchitectureTest {

    @Test
    void keepsSpringOutOfTheDomain() {
        var classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.whistle.orgregistry.identity");
        DomainRules.domainIsFreeOfSpring().check(classes);
    }
}
