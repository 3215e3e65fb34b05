package org.whistle.dispatch.ticket.domain;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.whistle.testing.architecture.DomainRules;

class TicketDomainArchitectureTest {

    @Test
    void keepsSpringOutOfTheTicketDomain() {
        var classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.whistle.dispatch.ticket.domain");
        DomainRules.domainIsFreeOfSpring().check(classes);
    }
}
