package org.whistle.testing.architecture;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;
import org.whistle.testing.architecture.bad.domain.SpringAwareTicket;
import org.whistle.testing.architecture.good.domain.PlainTicket;

class DomainRulesTest {

    @Test
    void rejectsADomainClassThatDependsOnSpring() {
        var classes = new ClassFileImporter().importClasses(SpringAwareTicket.class);

        assertThatThrownBy(() -> DomainRules.domainIsFreeOfSpring().check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(SpringAwareTicket.class.getName())
                .hasMessageContaining("org.springframework.util.Assert");
    }

    @Test
    void acceptsADomainClassFreeOfSpring() {
        var classes = new ClassFileImporter().importClasses(PlainTicket.class);

        assertThatCode(() -> DomainRules.domainIsFreeOfSpring().check(classes)).doesNotThrowAnyException();
    }
}
