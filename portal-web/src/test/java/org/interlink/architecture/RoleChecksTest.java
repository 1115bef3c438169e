package org.interlink.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBContext;
import jakarta.faces.context.ExternalContext;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

/**
 * Roles are asked of the {@code Caller} alone: the container's roles are the token's {@code roles} claim as it is, and
 * a sign-in without a second factor keeps its privileged roles there (Soteria and the API mechanism hand the claim
 * over); only {@code CurrentCaller} drops them. A role check by the container would let such a session through.
 */
class RoleChecksTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // the portal's own classes as compiled (a classpath scan reads every library too); portal-ejb checks its own
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPath(Path.of("target/classes"));
    }

    @Test
    void nothingAsksTheContainerForARole() {
        noClasses().should().callMethod(HttpServletRequest.class, "isUserInRole", String.class)
                .orShould().callMethod(SecurityContext.class, "isCallerInRole", String.class)
                .orShould().callMethod(jakarta.ws.rs.core.SecurityContext.class, "isUserInRole", String.class)
                .orShould().callMethod(EJBContext.class, "isCallerInRole", String.class)
                .orShould().callMethod(ExternalContext.class, "isUserInRole", String.class)
                .because("the container's roles include privileged roles a sign-in without a second factor does not act with")
                .check(classes);
    }

    @Test
    void noRoleAnnotations() {
        noClasses().should().beAnnotatedWith(RolesAllowed.class).orShould().beAnnotatedWith(PermitAll.class)
                .orShould().beAnnotatedWith(DenyAll.class).check(classes);
        noMethods().should().beAnnotatedWith(RolesAllowed.class).check(classes);
    }
}
