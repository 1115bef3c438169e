package org.interlink.architecture;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import org.interlink.agreement.boundary.Agreements;
import org.interlink.caller.security.ClientAddress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shape of the web module (STYLE.md): pages and API resources call the use cases of portal-ejb's boundaries and
 * hold its entities and value types; the controls behind the boundaries — the visibility gate above all — stay out of
 * their reach, so no page can read past the audit record a boundary writes.
 *
 * <p>Roles are asked of the {@code Caller} alone: the container's roles are the token's {@code roles} claim as it is,
 * and a sign-in without a second factor keeps its privileged roles there (Soteria and the API mechanism hand the claim
 * over); only {@code CurrentCaller} drops them. A role check by the container would let such a session through.
 */
class WebArchitectureTest {

    private static final Path WEB_CLASSES = Path.of("target/classes").toAbsolutePath();

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // the portal's own classes as compiled; the controls they must not use come from portal-ejb's jar
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPath(WEB_CLASSES);
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

    /**
     * A resource made anew for each call costs its injections each time (HK2 creating it, Weld resolving each injected
     * boundary through JNDI): about a tenth of the API's list call in a flight recording under 50 clients. One instance
     * serves every call; what belongs to a call (its caller, its address) comes through a proxy or a parameter.
     */
    @Test
    void apiResourcesAreMadeOnce() {
        classes().that().areAnnotatedWith(jakarta.ws.rs.Path.class).should().beAnnotatedWith(ApplicationScoped.class).check(classes);
        // the resources and what they share (ItemApi)
        classes().that().resideInAPackage("org.interlink..api..").and().areAnnotatedWith(ApplicationScoped.class)
                .should(new ArchCondition<JavaClass>("hold only injected fields") {
                    @Override
                    public void check(JavaClass resource, ConditionEvents events) {
                        resource.getFields().stream()
                                .filter(field -> !field.getModifiers().contains(JavaModifier.STATIC))
                                .filter(field -> !field.isAnnotatedWith(Inject.class) && !field.isAnnotatedWith(Context.class))
                                .forEach(field -> events.add(SimpleConditionEvent.violated(field, field.getFullName()
                                        + " is neither injected nor static: one instance serves every call")));
                    }
                })
                .check(classes);
    }

    /** In the portal's classes and portal-ejb's. */
    @Test
    void jsonIsBuiltThroughAProviderLookedUpOnce() {
        noClasses().should().dependOnClassesThat().belongToAnyOf(jakarta.json.Json.class)
                .because("each of Json's static methods searches the class path for a provider: under load a tenth of a"
                        + " page's time (a flight recording of the dashboard); keep a JsonProvider in a constant")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.interlink"));
    }

    /**
     * In the portal's classes and portal-ejb's. An agreement signed before the register skips its four eyes (both
     * signatures given at once): only the demo's seeding records one, never a page, the API or another boundary.
     */
    @Test
    void onlyTheDemoRegistersAnAgreementSignedEarlier() {
        noClasses().that().resideOutsideOfPackage("org.interlink.demo..")
                // a call or a method reference, whatever the method's parameters
                .should().accessTargetWhere(JavaAccess.Predicates.target(HasOwner.Predicates.With.owner(
                        JavaClass.Predicates.assignableTo(Agreements.class)))
                        .and(JavaAccess.Predicates.target(HasName.Predicates.name("registerSignedEarlier"))))
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.interlink"));
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
    void theClientAddressIsTakenInOnePlace() {
        noClasses().that().doNotHaveFullyQualifiedName(ClientAddress.class.getName())
                .should().callMethod(jakarta.servlet.ServletRequest.class, "getRemoteAddr")
                .orShould().callMethod(HttpServletRequest.class, "getRemoteAddr")
                .because("behind the cluster's balancer the connection's address is the balancer's: ClientAddress reads the "
                        + "balancer's X-Forwarded-For, from trusted proxies only")
                .check(classes);
    }

    /** A package lives in one jar: the web's own packages hold none of portal-ejb's classes, nor the reverse. */
    @Test
    void noPackageIsSplitAcrossTheJars() {
        Set<String> web = classes.stream().map(JavaClass::getPackageName).collect(Collectors.toSet());
        JavaClasses ejb = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // portal-ejb comes as its classes folder or, once packaged, its jar (a jar: location has no path of its own)
                .withImportOption(location -> !location.contains(WEB_CLASSES.toUri().getPath()))
                .importPackages("org.interlink");
        assertThat(ejb).as("portal-ejb's classes on the class path").isNotEmpty();
        assertThat(ejb.stream().filter(type -> web.contains(type.getPackageName())).map(JavaClass::getName).sorted())
                .as("portal-ejb classes in a package of the WAR").isEmpty();
    }

    @Test
    void noRoleAnnotations() {
        noClasses().should().beAnnotatedWith(RolesAllowed.class).orShould().beAnnotatedWith(PermitAll.class)
                .orShould().beAnnotatedWith(DenyAll.class).check(classes);
        noMethods().should().beAnnotatedWith(RolesAllowed.class).check(classes);
    }
}
