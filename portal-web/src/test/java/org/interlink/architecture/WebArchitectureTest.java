package org.interlink.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The shape of the web module (STYLE.md): pages and API resources call the use cases of portal-ejb's boundaries and
 * hold its entities and value types; the controls behind the boundaries — the visibility gate above all — stay out of
 * their reach, so no page can read past the audit record a boundary writes.
 */
class WebArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // the portal's own classes as compiled; the controls they must not use come from portal-ejb's jar
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPath(Path.of("target/classes"));
    }

    @Test
    void pagesAndResourcesUseBoundariesNeverControls() {
        noClasses().that().resideInAnyPackage("org.interlink..view..", "org.interlink..api..")
                .should().dependOnClassesThat().resideInAPackage("org.interlink..control..")
                .as("views and API resources use boundaries and entities, never controls")
                .check(classes);
    }

    @Test
    void theWebExportsThroughTheBoundary() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.interlink.infrastructure.export..")
                .as("the web reaches the spreadsheet-safe CSV through the export's boundary (SharedItems.exportCsv)")
                .check(classes);
    }
}
