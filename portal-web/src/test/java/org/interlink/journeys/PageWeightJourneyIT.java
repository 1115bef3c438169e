package org.interlink.journeys;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a page costs to download, as Chromium reports it (Resource Timing: the bytes that came over the network for
 * the page and everything it loaded, compressed, headers included; nothing for what came from the browser's cache).
 * The first visit, with an empty cache, stays under 400 KB: pages, scripts and styles are sent compressed, and no
 * script is loaded that the page does not use. A later page stays under 40 KB: the versioned scripts and styles are
 * kept for a year and not asked for again (only one the first page did not need is downloaded).
 */
@ExtendWith(PortalStack.class)
class PageWeightJourneyIT {

    static final long FIRST_VISIT_LIMIT = 400 * 1024;
    static final long LATER_PAGE_LIMIT = 40 * 1024;

    private final Browser browser = new Browser();

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void theFirstVisitIsUnder400KilobytesAndALaterPageUnder40() {
        browser.signIn("moi.official");
        browser.awaitPortalPage("/");
        browser.await(By.id("charts"));
        Weight first = weight(browser);

        browser.open(PortalStack.portalUrl() + "/items.xhtml?view=SHARED_WITH_MY_AGENCY");
        browser.await(By.cssSelector(".il-item-link"));
        Weight later = weight(browser);

        System.out.printf("RESULT first-visit-kb kb=%.1f requests=%d%nRESULT later-page-kb kb=%.1f requests=%d%n", first.bytes() / 1024.0,
                first.downloads().size(), later.bytes() / 1024.0, later.downloads().size());
        assertThat(first.bytes()).as("the first visit (the dashboard, empty cache): %s", first.downloads())
                .isPositive().isLessThanOrEqualTo(FIRST_VISIT_LIMIT);
        assertThat(later.bytes()).as("a later page (the shared list): %s", later.downloads()).isLessThanOrEqualTo(LATER_PAGE_LIMIT);
        assertThat(later.urls()).as("a later page downloads no script or style the first visit had (kept for a year)")
                .doesNotContainAnyElementsOf(first.urls().stream().filter(url -> url.contains("/jakarta.faces.resource/")).toList());
    }

    /** What the page now shown and everything it loaded came to over the network, once it has loaded. */
    static Weight weight(Browser browser) {
        browser.waitFor(Browser.WAIT).until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState;")));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = (List<Map<String, Object>>) ((JavascriptExecutor) browser.driver()).executeScript("""
                return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
                    .map(e => ({name: e.name, size: e.transferSize}));""");
        List<String> downloads = entries.stream().filter(e -> ((Number) e.get("size")).longValue() > 0)
                .map(e -> e.get("name") + " " + e.get("size")).toList();
        long bytes = entries.stream().mapToLong(e -> ((Number) e.get("size")).longValue()).sum();
        return new Weight(bytes, downloads);
    }

    record Weight(long bytes, List<String> downloads) {

        List<String> urls() {
            return downloads.stream().map(download -> download.substring(0, download.lastIndexOf(' '))).toList();
        }
    }
}
