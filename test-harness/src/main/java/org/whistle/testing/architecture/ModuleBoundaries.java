package org.whistle.testing.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The module boundaries every service keeps (ADR 0022), checked rather than hoped for.
 *
 * <p>A service's base package (say {@code org.whistle.orgregistry}) holds one package per capability
 * ({@code org.whistle.orgregistry.catalogue}). Four rules hold for every service:
 *
 * <ol>
 *   <li>capability packages are free of cycles;
 *   <li>{@code domain} packages import neither Spring, nor the servlet/web APIs, nor persistence (JDBC, JPA,
 *       Flyway);
 *   <li>{@code web} packages depend inward only: nothing outside a {@code web} package depends on it;
 *   <li>nothing depends on another capability's {@code web}. A service-wide {@code web} package directly under
 *       the base package is the edge shared by every capability's {@code web}, so they may use it.
 * </ol>
 *
 * <p>An exception is stated in the service's test with {@link #except(String, String, String)}, naming the two
 * classes and why; it never widens to a package.
 */
public final class ModuleBoundaries {

    private static final String[] FRAMEWORKS_KEPT_OUT_OF_THE_DOMAIN = {
        "org.springframework..",
        "jakarta.servlet..",
        "jakarta.ws.rs..",
        "jakarta.persistence..",
        "java.sql..",
        "javax.sql..",
        "org.flywaydb..",
        "org.apache.kafka.."
    };

    private final String basePackage;
    private final List<Exception> exceptions;

    private ModuleBoundaries(String basePackage, List<Exception> exceptions) {
        this.basePackage = basePackage;
        this.exceptions = List.copyOf(exceptions);
    }

    /** The boundaries of the service whose capabilities are the packages directly under {@code basePackage}. */
    public static ModuleBoundaries of(String basePackage) {
        if (basePackage.isBlank() || basePackage.endsWith(".")) {
            throw new IllegalArgumentException("a base package like org.whistle.sla, not '" + basePackage + "'");
        }
        return new ModuleBoundaries(basePackage, List.of());
    }

    /**
     * The same boundaries allowing one dependency from {@code originClass} to {@code targetClass} (fully qualified
     * names), for the reason given; the reason is printed with the rules so the exception stays visible.
     */
    public ModuleBoundaries except(String originClass, String targetClass, String because) {
        if (because.isBlank()) {
            throw new IllegalArgumentException("an exception to a module boundary says why");
        }
        var widened = new ArrayList<>(exceptions);
        widened.add(new Exception(originClass, targetClass, because));
        return new ModuleBoundaries(basePackage, widened);
    }

    /** Every rule, each checked against {@code classes}; the first broken rule fails with all of its violations. */
    public void check(JavaClasses classes) {
        var failures = new ArrayList<String>();
        for (ArchRule rule : rules()) {
            try {
                rule.check(classes);
            } catch (AssertionError broken) {
                failures.add(broken.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(String.join(System.lineSeparator(), failures));
        }
    }

    /** The rules, one per boundary, for a service to check or to report one by one. */
    public List<ArchRule> rules() {
        return List.of(capabilitiesAreFreeOfCycles(), domainIsFreeOfFrameworks(), webIsDependedOnFromItsOwnEdgeOnly());
    }

    /** Capability packages (the packages directly under the base package) form no cycle. */
    public ArchRule capabilitiesAreFreeOfCycles() {
        var rule = slices().matching(basePackage + ".(*)..")
                .should()
                .beFreeOfCycles()
                .because("a capability is changed on its own only when no other capability needs it back");
        for (var exception : exceptions) {
            rule = rule.ignoreDependency(exception.origin(), exception.target());
        }
        return rule.allowEmptyShould(true);
    }

    /** Classes in {@code ..domain..} packages import no Spring, web or persistence API. */
    public ArchRule domainIsFreeOfFrameworks() {
        var framework = JavaClass.Predicates.resideInAnyPackage(FRAMEWORKS_KEPT_OUT_OF_THE_DOMAIN);
        return classes()
                .that()
                .resideInAPackage(basePackage + "..domain..")
                .should(new ArchCondition<JavaClass>("not depend on Spring, the web or persistence") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                            var target = dependency.getTargetClass();
                            if (framework.test(target) && !excepted(origin, target)) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                            }
                        }
                    }
                })
                .because("domain code states business rules without a framework, a web or a database")
                .allowEmptyShould(true);
    }

    /**
     * A class in a {@code web} package is used only from inside the same {@code web} package tree, or, for the
     * service-wide {@code web} directly under the base package, from any capability's {@code web}.
     */
    public ArchRule webIsDependedOnFromItsOwnEdgeOnly() {
        return classes()
                .that()
                .resideInAPackage(basePackage + "..")
                .should(new ArchCondition<JavaClass>("depend on a web package only from that web package's own edge") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                            var target = dependency.getTargetClass();
                            if (crossesAWebBoundary(origin, target) && !excepted(origin, target)) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                            }
                        }
                    }
                })
                .because("a web package translates HTTP for its own capability; the rest of the service never"
                        + " needs it, and another capability talks to the capability, not to its web edge")
                .allowEmptyShould(true);
    }

    private boolean crossesAWebBoundary(JavaClass origin, JavaClass target) {
        var targetEdge = webRoot(target.getPackageName());
        if (targetEdge.isEmpty() || !target.getPackageName().startsWith(basePackage + ".")) {
            return false;
        }
        var originPackage = origin.getPackageName();
        if (within(originPackage, targetEdge.get())) {
            return false;
        }
        var originEdge = webRoot(originPackage);
        var sharedEdge = basePackage + ".web";
        return !(originEdge.isPresent() && targetEdge.get().equals(sharedEdge));
    }

    /** The package up to and including the first {@code web} segment below the base package, if there is one. */
    private Optional<String> webRoot(String packageName) {
        if (!within(packageName, basePackage)) {
            return Optional.empty();
        }
        var segments = packageName.substring(basePackage.length()).split("\\.");
        var root = new StringBuilder(basePackage);
        for (var segment : segments) {
            if (segment.isEmpty()) {
                continue;
            }
            root.append('.').append(segment);
            if (segment.equals("web")) {
                return Optional.of(root.toString());
            }
        }
        return Optional.empty();
    }

    private static boolean within(String packageName, String root) {
        return packageName.equals(root) || packageName.startsWith(root + ".");
    }

    private boolean excepted(JavaClass origin, JavaClass target) {
        return exceptions.stream()
                .anyMatch(exception ->
                        exception.origin().test(origin) && exception.target().test(target));
    }

    @Override
    public String toString() {
        var described = new StringBuilder("module boundaries of ").append(basePackage);
        exceptions.forEach(exception -> described
                .append(System.lineSeparator())
                .append("  except ")
                .append(exception.originClass())
                .append(" -> ")
                .append(exception.targetClass())
                .append(": ")
                .append(exception.because()));
        return described.toString();
    }

    private record Exception(String originClass, String targetClass, String because) {

        DescribedPredicate<JavaClass> origin() {
            return named(originClass);
        }

        DescribedPredicate<JavaClass> target() {
            return named(targetClass);
        }

        /** The named class and its nested classes, which compile to classes of their own. */
        private static DescribedPredicate<JavaClass> named(String className) {
            return DescribedPredicate.describe(
                    className,
                    type -> type.getName().equals(className) || type.getName().startsWith(className + "$"));
        }
    }
}
