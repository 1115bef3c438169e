package org.interlink.journeys;

import org.interlink.devstack.RealmDefinition;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Headless Debian Chromium driven by its ChromeDriver, with a fresh profile (so no cookie of an
 * earlier journey leaks in) and the flags this closed network needs. Every wait is bounded.
 */
public final class Browser implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(20);

    private final WebDriver driver;
    private final Path profile;
    private final Path downloads;

    public Browser() {
        try {
            profile = Files.createTempDirectory("chromium-profile");
            downloads = Files.createTempDirectory("chromium-downloads");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1366,900", "--lang=en", "--user-data-dir=" + profile);
        options.setPageLoadTimeout(WAIT);
        // the console, to see what the pages' Content-Security-Policy refused
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    /** Opens the portal and signs in as the demo user through Keycloak's login page. */
    public void signIn(String username) {
        open(PortalStack.portalUrl() + "/");
        new KeycloakLoginPage(this).signIn(username, RealmDefinition.DEMO_PASSWORD);
    }

    /**
     * Signs in as a person made in Keycloak for this test alone (one agency, one role): a language they
     * choose is remembered with them, not with a demo persona other journeys expect in English.
     */
    public String signInAsNewPerson(String agency, String role) {
        String username = role + "-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "Pw-" + UUID.randomUUID();
        KeycloakRealmAdmin.createUser(username, agency, role, password);
        open(PortalStack.portalUrl() + "/");
        new KeycloakLoginPage(this).signIn(username, password);
        return username;
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    /**
     * A bounded wait that looks again when the page replaced an element between finding and reading it (an Ajax update or
     * a navigation under way): a stale element is a moment of the page, not an answer.
     */
    public WebDriverWait waitFor(Duration within) {
        WebDriverWait wait = new WebDriverWait(driver, within);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    public WebElement await(By locator) {
        return waitFor(WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** The visible text of the element, read again if the page replaced it meanwhile. */
    public String text(By locator) {
        return waitFor(WAIT).until(d -> {
            WebElement element = d.findElement(locator);
            return element.isDisplayed() ? element.getText().trim() : null;
        });
    }

    /**
     * Clicks the element once it is shown and enabled; found again if the page replaced it, and tried again while
     * something (an Ajax status overlay) covers it. A click on a stale or covered element does nothing, so the retry
     * never clicks twice.
     */
    public void click(By locator) {
        waitFor(WAIT).ignoring(ElementClickInterceptedException.class).until(d -> {
            WebElement element = d.findElement(locator);
            if (!element.isDisplayed() || !element.isEnabled()) {
                return false;
            }
            element.click();
            return true;
        });
    }

    public void awaitUrlStartingWith(String prefix) {
        waitFor(WAIT).until(d -> d.getCurrentUrl().startsWith(prefix));
    }

    /**
     * Waits for the portal page at {@code path}; when the portal asks first to confirm a second factor older than
     * administration accepts (the suite's {@link PortalStack#SECOND_FACTOR_MAX_AGE}), confirms it with the demo code, as
     * the person would, and lands there.
     */
    public void awaitPortalPage(String path) {
        waitFor(WAIT).until(d -> d.getCurrentUrl().startsWith(PortalStack.portalUrl() + path)
                || d.getCurrentUrl().startsWith(PortalStack.portalUrl() + SECOND_FACTOR));
        if (driver.getCurrentUrl().startsWith(PortalStack.portalUrl() + SECOND_FACTOR)) {
            await(By.id("second-factor-recent"));
            confirmSecondFactor(By.id("second-factor:sign-in-again"));
        }
        awaitUrlStartingWith(PortalStack.portalUrl() + path);
    }

    /** Clicks the portal's button to confirm the second factor, enters the demo code on Keycloak's page, and is back. */
    public void confirmSecondFactor(By button) {
        click(button);
        awaitUrlStartingWith(PortalStack.keycloakUrl());
        KeycloakLoginPage.enterCode(this);
    }

    private static final String SECOND_FACTOR = "/second-factor.xhtml";

    /**
     * Waits until the page is in {@code language} (its {@code <html lang>}), read by script so that a
     * page replaced while waiting is no stale element.
     */
    public void awaitLanguage(String language) {
        waitFor(WAIT)
                // a script run while the old page unloads may fail: try again until the deadline
                .ignoring(org.openqa.selenium.JavascriptException.class)
                .until(d -> language.equals(((org.openqa.selenium.JavascriptExecutor) d)
                        .executeScript("return document.documentElement.lang;")));
    }

    /** Whether the page is wider than the window (a sideways scroll bar). */
    public boolean overflowsSideways() {
        return (Boolean) ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
    }

    /**
     * What axe-core (Deque's accessibility engine, run in this page) finds against WCAG 2.1 A and AA:
     * one line per rule broken, with the elements (at most five) that break it.
     */
    public List<String> accessibilityViolations() {
        com.deque.html.axecore.results.Results results = new com.deque.html.axecore.selenium.AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(driver);
        return results.getViolations().stream().map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                + rule.getNodes().stream().limit(5).map(node -> node.getTarget() + " " + node.getFailureSummary()).toList()).toList();
    }

    /** Waits for a finished download whose name ends with {@code suffix} and returns it. */
    public Path awaitDownload(String suffix) {
        // Chromium puts an empty file under the final name while the download runs (in a .crdownload beside it): the
        // download is there once no .crdownload is left and the file has content
        return waitFor(WAIT).until(d -> {
            try (var files = Files.list(downloads)) {
                List<Path> all = files.toList();
                if (all.stream().anyMatch(f -> f.toString().endsWith(".crdownload"))) {
                    return null;
                }
                for (Path file : all) {
                    if (file.toString().endsWith(suffix) && Files.size(file) > 0) {
                        return file;
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        });
    }

    /** Saves what the user sees as a PNG, and the page's HTML, under the test work folder (for failures and for looking at). */
    public Path screenshot(String name) {
        try {
            Path target = Path.of(System.getProperty("interlink.work.dir"), "screenshots", name + ".png");
            Files.createDirectories(target.getParent());
            Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            Files.writeString(target.resolveSibling(name + ".html"), driver.getPageSource());
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What a Content-Security-Policy refused since the last call, as the browser's console reported it: a
     * script without the answer's nonce, an inline handler, an eval. The portal's pages are the ones with a
     * strict policy (Keycloak's only keeps its pages out of frames).
     */
    public List<String> policyViolations() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                // Chromium reports them as "security ... violates the following Content Security Policy directive ..."
                .filter(message -> message.contains("Content Security Policy"))
                .toList();
    }

    /** Ends the browser; a journey whose pages broke their Content-Security-Policy fails here. */
    @Override
    public void close() {
        List<String> violations = policyViolations();
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp profile is harmless
        }
        if (!violations.isEmpty()) {
            throw new AssertionError("the portal's pages broke their Content-Security-Policy: " + violations);
        }
    }
}
