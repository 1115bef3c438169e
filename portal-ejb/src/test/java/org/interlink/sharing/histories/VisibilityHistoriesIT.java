package org.interlink.sharing.histories;

import org.interlink.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.EngineFilter.includeEngines;

/**
 * Runs the jqwik property {@link VisibilityHistories} inside the deployment, where the EJBs are: jqwik is a
 * JUnit Platform engine of its own and does not run Arquillian's Jupiter extension, so this Jupiter test
 * (which Arquillian runs in the container) launches the jqwik engine there through the JUnit Platform
 * Launcher, collects what jqwik reports (tries, seed, the shrunk history of a failure) and fails with it.
 *
 * <p>The engine is in the deployment only ({@code target/jqwik-libs}); the settings (tries, steps, seed)
 * travel from Maven's system properties into the deployment as a resource.
 */
@ExtendWith(ArquillianExtension.class)
class VisibilityHistoriesIT {

    @Deployment
    static WebArchive deployment() {
        HistorySettings settings = HistorySettings.fromSystem();
        String database = new File(settings.database()).getAbsolutePath().replace('\\', '/');
        WebArchive war = Deployments.portalEjb(VisibilityHistoriesIT.class)
                .addPackage(VisibilityHistories.class.getPackage())
                .addAsResource(new StringAsset(new HistorySettings(settings.tries(), settings.steps(), settings.seed(),
                        database, settings.knownBugs()).asProperties()), HistorySettings.RESOURCE)
                // for Arquillian's own launcher in the container too, which finds the jqwik engine beside Jupiter's
                .addAsResource(new StringAsset("jqwik.database=" + database + "\n"), "junit-platform.properties");
        try (Stream<Path> jars = Files.list(Path.of("target", "jqwik-libs"))) {
            jars.filter(p -> p.toString().endsWith(".jar")).forEach(jar -> war.addAsLibrary(jar.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("run through Maven: it copies jqwik to target/jqwik-libs", e);
        }
        return war;
    }

    @Test
    void everyReadPathAgreesWithTheReferenceModelOverGeneratedHistories() {
        HistorySettings settings = HistorySettings.inContainer();
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(VisibilityHistories.class))
                .filters(includeEngines("jqwik"))
                .configurationParameter("jqwik.reporting.usejunitplatform", "true")
                .configurationParameter("jqwik.database", settings.database())
                // a failure and its shrinking must end within the request Payara serves the test in (15 minutes)
                .configurationParameter("jqwik.shrinking.bounded.seconds", "300")
                .build();
        Report report = new Report();
        Launcher launcher = LauncherFactory.create();
        long started = System.nanoTime();
        launcher.execute(request, report);
        String summary = String.format("Generated histories (%d tries × up to %d steps, seed %s): %s in %.1f s%n%s",
                settings.tries(), settings.steps(), settings.seed(), History.Stats.INSTANCE, (System.nanoTime() - started) / 1e9,
                String.join("\n", report.entries));
        System.out.println(summary);
        if (report.properties == 0) {
            throw new AssertionError("jqwik ran no property\n" + summary);
        }
        if (!report.failures.isEmpty()) {
            throw new AssertionError(String.join("\n", report.failures) + "\n" + summary);
        }
        History.Stats stats = History.Stats.INSTANCE;
        if (stats.refusedByAgreement == 0 || stats.refusedByLastDay == 0) {
            // the property claims the agreements and the last days: a run that never reached them proves nothing of them
            throw new AssertionError("the histories never reached a read refused for want of an agreement or after a share's last"
                    + " day: more tries (interlink.histories.tries) or another seed\n" + summary);
        }
    }

    /** What jqwik reports: the report entries (tries, checks, seed, samples) and failures with their stack. */
    static final class Report implements TestExecutionListener {

        final List<String> entries = new ArrayList<>();
        final List<String> failures = new ArrayList<>();
        int properties;

        @Override
        public void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
            entry.getKeyValuePairs().forEach((key, value) -> entries.add(test.getDisplayName() + " " + key + ": " + value));
        }

        @Override
        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            if (test.isTest()) {
                properties++;
            }
            if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                String why = result.getThrowable().map(Report::stack).orElse(result.getStatus().toString());
                failures.add(test.getDisplayName() + " " + result.getStatus() + ": " + why);
            }
        }

        @Override
        public void testPlanExecutionStarted(TestPlan plan) {
            // nothing before
        }

        private static String stack(Throwable t) {
            StringWriter text = new StringWriter();
            t.printStackTrace(new PrintWriter(text));
            String all = text.toString();
            return all.length() > 20_000 ? all.substring(0, 20_000) + "\n…" : all;
        }
    }
}
