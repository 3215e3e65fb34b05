package org.whistle.members;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.whistle.testing.architecture.DomainRules;

/** Memberships, tasks, the ledger's rules and redemptions are stated without Spring. */
class MembersDomainArchitectureTest {

    @Test
    void keepsSpringOutOfTheDomain() {
        DomainRules.domainIsFreeOfSpring()
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.whistle.members"));
    }
}
