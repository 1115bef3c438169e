package org.interlink.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The shape of the code base (STYLE.md): features first, then boundary / control / entity. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.interlink");
    }

    @Test
    void noGrabBagPackages() {
        noClasses().should().resideInAnyPackage("..util..", "..utils..", "..common..", "..helper..", "..helpers..",
                        "..service..", "..dao..", "..dto..")
                .as("no util/common/helper/service/dao/dto packages: code lives with its feature")
                .check(classes);
    }

    @Test
    void entitiesKnowNoBoundaryOrControl() {
        noClasses().that().resideInAPackage("..entity..")
                .should().dependOnClassesThat().resideInAnyPackage("..boundary..", "..control..")
                .as("entities hold the rules and know nothing of the use cases around them")
                .check(classes);
    }

    @Test
    void controlsServeBoundaries() {
        noClasses().that().resideInAPackage("..control..")
                .should().dependOnClassesThat().resideInAPackage("..boundary..")
                .as("controls are called by boundaries, never the other way round")
                .check(classes);
    }

    @Test
    void featuresAreFreeOfCycles() {
        slices().matching("org.interlink.(*)..").should().beFreeOfCycles().check(classes);
    }
}
