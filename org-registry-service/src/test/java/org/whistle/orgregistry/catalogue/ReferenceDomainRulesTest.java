package org.whistle.orgregistry.catalogue;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.whistle.testing.architecture.DomainRules;

class ReferenceDomainRulesTest {

    @Test
    void keepsSpringOutOfTheCatalogueRoutingAndDeadlineDomains() {
        var classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(
                        "org.whistle.orgregistry.catalogue",
                        "org.whistle.orgregistry.routing",
                        "org.whistle.orgregistry.deadlines");

        DomainRules.domainIsFreeOfSpring().check(classes);
    }
}
