package org.whistle.testing.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/** Architecture rules shared by the services (STYLE.md, practice 10). */
public final class DomainRules {

    private DomainRules() {}

    /**
     * Classes in packages matching {@code ..domain..} must not depend on {@code org.springframework..}.
     *
     * <p>The rule fails when the imported classes contain no domain package at all, which catches an import of the
     * wrong packages.
     */
    public static ArchRule domainIsFreeOfSpring() {
        return noClasses()
                .that()
                .resideInAPackage("..domain..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.springframework..")
                .because("domain code states business rules without a framework");
    }
}
