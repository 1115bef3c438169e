package org.interlink;

import org.assertj.core.api.Assertions;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Builds the Arquillian deployments: the portal-ejb classes (not the tests, nor those that need
 * Keycloak), its persistence unit, CDI descriptor and Flyway migrations, and the libraries it ships
 * with (copied by Maven to {@code target/arquillian-libs}), plus AssertJ. Tests add themselves.
 */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive portalEjb(Class<?>... tests) {
        WebArchive war = ShrinkWrap.create(WebArchive.class, "portal-ejb-test.war")
                .addPackages(true, Deployments::isApplicationClass, "org.interlink")
                .addClasses(tests)
                .addAsResource("META-INF/persistence.xml")
                .addAsWebInfResource("META-INF/beans.xml", "beans.xml");
        addMigrations(war);
        war.addAsLibraries(libraries());
        war.addAsLibraries(jarOf(Assertions.class));
        return war;
    }

    private static boolean isApplicationClass(ArchivePath path) {
        String name = path.get();
        return !name.endsWith("Test.class") && !name.endsWith("IT.class")
                && !name.contains("/Deployments") && !name.contains("/ArquillianDatabase")
                // the generated histories bring jqwik and a clock of their own: only their deployment has them
                && !name.startsWith("/org/interlink/sharing/histories/")
                // no Keycloak in these deployments, so what calls it stays out: the admin client (its settings
                // would want the client secret), KeycloakPeople (it would register as the People directory at
                // start; the tests name the known people only) and the administration built on them
                && !name.startsWith("/org/interlink/infrastructure/keycloak/")
                && !name.startsWith("/org/interlink/admin/");
    }

    private static void addMigrations(WebArchive war) {
        Path classes = Path.of("target", "classes");
        try (Stream<Path> files = Files.walk(classes.resolve("db"))) {
            files.filter(Files::isRegularFile)
                    .forEach(file -> war.addAsResource(file.toFile(), classes.relativize(file).toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The jar a test library class comes from, for libraries the tests use in the container. */
    private static File jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static File[] libraries() {
        try (Stream<Path> jars = Files.list(Path.of("target", "arquillian-libs"))) {
            return jars.filter(p -> p.toString().endsWith(".jar")).map(Path::toFile).toArray(File[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException("run through Maven: it copies the libraries to target/arquillian-libs", e);
        }
    }
}
