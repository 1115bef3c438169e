package org.interlink.journeys;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.nio.file.Path;
import java.util.List;

/** {@code search.xhtml}: the search box, the facets with their counts, the results and their export. */
public final class SearchPage extends PortalPage {

    SearchPage(Browser browser) {
        super(browser);
        browser.await(By.id("search-form"));
    }

    /** Types the terms into the search box every page has in its header and presses Enter. */
    static SearchPage fromHeader(Browser browser, String terms) {
        WebElement box = browser.await(By.id("header-search-terms"));
        box.sendKeys(terms, Keys.ENTER);
        browser.awaitUrlStartingWith(PortalStack.portalUrl() + "/search.xhtml");
        return new SearchPage(browser);
    }

    public SearchPage searchFor(String terms) {
        WebElement box = browser.await(By.id("search-terms"));
        box.clear();
        box.sendKeys(terms);
        browser.click(By.id("search-submit"));
        return awaitTerms(terms);
    }

    private SearchPage awaitTerms(String terms) {
        browser.waitFor(Browser.WAIT)
                .until(d -> terms.equals(d.findElement(By.id("search-terms")).getAttribute("value")));
        return new SearchPage(browser);
    }

    /** The line above the results, e.g. "3 matching items". */
    public String matches() {
        return browser.text(By.id("search-count"));
    }

    public List<String> titles() {
        return browser.driver().findElements(By.cssSelector("[id='results:table_data'] .il-item-link")).stream()
                .map(WebElement::getText).toList();
    }

    /** The result whose title is {@code title}: its table row. */
    public WebElement row(String title) {
        return browser.driver().findElements(By.cssSelector("[id='results:table_data'] tr")).stream()
                .filter(row -> row.findElement(By.className("il-item-link")).getText().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no result titled " + title));
    }

    /** The text of one facet value's link, e.g. "Record (2)"; empty when the facet does not offer it. */
    public String facet(String name, String value) {
        List<WebElement> links = browser.driver().findElements(By.id("facet-" + name + "-" + value));
        return links.isEmpty() ? "" : links.get(0).getText();
    }

    public SearchPage choose(String name, String value) {
        String before = browser.currentUrl();
        browser.click(By.id("facet-" + name + "-" + value));
        browser.waitFor(Browser.WAIT).until(d -> !d.getCurrentUrl().equals(before));
        return new SearchPage(browser);
    }

    public Path exportCsv() {
        browser.click(By.id("results:export-csv"));
        return browser.awaitDownload(".csv");
    }

    public Path exportPdf() {
        browser.click(By.id("results:export-pdf"));
        return browser.awaitDownload(".pdf");
    }
}
