package org.interlink.journeys;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** {@code audit/events.xhtml}: the auditor's filters, events, CSV export and chain verification. */
public final class AuditPage extends PortalPage {

    AuditPage(Browser browser) {
        super(browser);
        browser.await(By.id("audit:events"));
    }

    public void filterByAgency(String code) {
        ((JavascriptExecutor) browser.driver()).executeScript(
                "PrimeFaces.getWidgetById('audit:agency').selectValue(arguments[0]);", code);
        browser.click(By.id("audit:search"));
        waitForAjax();
    }

    /**
     * Searches for {@code actor}'s events with {@code outcome} until one shows {@code expected}:
     * events that come from Keycloak arrive within seconds, not at once. Bounded by {@code within}.
     */
    public String awaitEvents(String actor, String outcome, String expected, Duration within) {
        browser.await(By.id("audit:actor")).clear();
        browser.await(By.id("audit:actor")).sendKeys(actor);
        ((JavascriptExecutor) browser.driver()).executeScript(
                "PrimeFaces.getWidgetById('audit:outcome').selectValue(arguments[0]);", outcome);
        return browser.waitFor(within).pollingEvery(Duration.ofSeconds(1)).until(driver -> {
            browser.click(By.id("audit:search"));
            waitForAjax();
            String events = events();
            return events.contains(expected) ? events : null;
        });
    }

    /** The keys the table gives its rows in the page (PrimeFaces writes them as {@code data-rk}). */
    public List<String> rowKeys() {
        return browser.driver().findElements(By.cssSelector("[id='audit:events_data'] > tr[data-rk]")).stream()
                .map(row -> row.getAttribute("data-rk")).toList();
    }

    public String events() {
        return browser.text(By.id("audit:events_data"));
    }

    /** Exports the filtered events and returns the downloaded CSV file. */
    public Path exportCsv() {
        browser.click(By.id("audit:export"));
        return browser.awaitDownload(".csv");
    }

    public String verify() {
        browser.click(By.id("audit:verify"));
        waitForAjax();
        return browser.text(By.id("audit:verification"));
    }

    private void waitForAjax() {
        browser.waitFor(Browser.WAIT).until(ExpectedConditions.jsReturnsValue(
                "return (window.PrimeFaces && PrimeFaces.ajax && PrimeFaces.ajax.Queue.isEmpty()) ? true : null"));
    }
}
