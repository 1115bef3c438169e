package org.interlink.journeys;

import org.openqa.selenium.By;

import java.util.List;

/** {@code index.xhtml}: what needs the caller's attention; who the caller is, the agency they act for, their agencies and roles. */
public final class DashboardPage extends PortalPage {

    DashboardPage(Browser browser) {
        super(browser);
        browser.await(By.id("dashboard-username"));
    }

    public String name() {
        return browser.text(By.id("dashboard-name"));
    }

    public String username() {
        return browser.text(By.id("dashboard-username"));
    }

    public String agency() {
        return browser.text(By.id("dashboard-agency"));
    }

    public List<String> roles() {
        return browser.driver().findElements(By.cssSelector("#dashboard-roles [data-role]")).stream()
                .map(e -> e.getAttribute("data-role")).toList();
    }

    /** The count of a "needs my attention" tile: vetting, awaiting, actions or unread. */
    public int attention(String tile) {
        return Integer.parseInt(browser.text(By.cssSelector("#attention-" + tile + " .il-tile-count")));
    }

    /**
     * A number of a chart, as its table of numbers (closed under the chart) holds it: the chart's row of that label, its
     * first series.
     */
    public int chartNumber(String chart, String row) {
        return browser.driver().findElements(By.cssSelector("#numbers-" + chart + " tbody tr")).stream()
                .filter(tr -> tr.findElement(By.tagName("th")).getAttribute("textContent").trim().equals(row))
                .map(tr -> Integer.parseInt(tr.findElement(By.tagName("td")).getAttribute("textContent").trim()))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + row + " in the chart " + chart));
    }

    /** Follows a tile to its list and answers the list's text. */
    public String follow(String tile) {
        browser.click(By.id("attention-" + tile));
        return browser.text(By.cssSelector("[id$='table_data']"));
    }
}
