package org.interlink.architecture;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.security.enterprise.SecurityContext;
import org.interlink.item.entity.Item;
import org.interlink.sharing.control.VisibilityGate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

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
    void withinAFeatureControlsServeTheBoundary() {
        for (String feature : List.of("agency", "caller", "item", "sharing", "records", "recommendation", "meeting", "workflow",
                "notification", "agreement", "consent")) {
            noClasses().that().resideInAPackage("org.interlink." + feature + ".control..")
                    .should().dependOnClassesThat().resideInAPackage("org.interlink." + feature + ".boundary..")
                    .as("the controls of " + feature + " are called by its boundary, never the other way round")
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }

    /**
     * The visibility gate builds every query over items: the read use cases ask it for theirs, which always carry
     * what the caller may read. Outside it, only the agency directory, the register of agreements, the consent requests (by item id and owner), the audit trail and
     * the notifications' own tables (people, read marks, e-mail status: the inbox itself is read through the gate) may
     * query; everybody else reads through boundaries.
     */
    @Test
    void onlyTheVisibilityGateQueriesItems() {
        noClasses().that().doNotBelongToAnyOf(VisibilityGate.class)
                .and().resideOutsideOfPackages("org.interlink.agency..", "org.interlink.agreement..", "org.interlink.consent..",
                        "org.interlink.audit..",
                        "org.interlink.notification.control..")
                .should().callMethodWhere(JavaCall.Predicates.target(HasOwner.Predicates.With.owner(
                        JavaClass.Predicates.assignableTo(EntityManager.class)))
                        .and(JavaCall.Predicates.target(HasName.Predicates.nameMatching(
                                "create(Named|Native)?Query|getCriteriaBuilder|find|getReference|createStoredProcedureQuery"))))
                .as("only the visibility gate queries items")
                .check(classes);
        noClasses().that().resideInAnyPackage("org.interlink.item..", "org.interlink.records..",
                "org.interlink.recommendation..", "org.interlink.meeting..")
                .should().beAnnotatedWith(NamedQuery.class).orShould().beAnnotatedWith(NamedQueries.class)
                .as("item entities carry no named queries: the gate builds them")
                .check(classes);
    }

    /** The audit trail names an item by its id and owner agency ({@code ItemReference}), never by the entity. */
    @Test
    void theAuditTrailNeverHoldsTheItemEntity() {
        noClasses().that().resideInAPackage("org.interlink.audit..")
                .should().dependOnClassesThat().areAssignableTo(Item.class)
                .check(classes);
    }

    @Test
    void rolesAreAskedOfTheCallerNeverOfTheContainer() {
        // the container's roles still hold the privileged roles a sign-in without a second factor does not act with
        noClasses().should().callMethod(EJBContext.class, "isCallerInRole", String.class)
                .orShould().callMethod(SecurityContext.class, "isCallerInRole", String.class)
                .orShould().beAnnotatedWith(RolesAllowed.class)
                .check(classes);
        ArchRuleDefinition.noMethods().should()
                .beAnnotatedWith(RolesAllowed.class).check(classes);
    }

    @Test
    void theDomainIsFreeOfCycles() {
        slices().matching("org.interlink.(*).entity..").should().beFreeOfCycles().check(classes);
    }
}
