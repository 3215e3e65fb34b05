package org.whistle.evaluation;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.whistle.testing.architecture.ModuleBoundaries;

/** The service keeps the module boundaries of ADR 0022. */
class ModuleBoundaryTest {

    @Test
    void keepsTheModuleBoundaries() {
        ModuleBoundaries.of("org.whistle.evaluation")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.whistle.evaluation"));
    }
}
