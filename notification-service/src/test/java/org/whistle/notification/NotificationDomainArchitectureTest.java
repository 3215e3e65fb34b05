package org.whistle.notification;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.whistle.testing.architecture.DomainRules;

/** The rules, recipients, quiet rules and signature are stated without Spring. */
class NotificationDomainArchitectureTest {

    @Test
    void keepsSpringOutOfTheDomain() {
        DomainRules.domainIsFreeOfSpring()
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.whistle.notification"));
    }
}
