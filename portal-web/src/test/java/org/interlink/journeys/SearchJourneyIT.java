package org.interlink.journeys;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search and export in the browser: a word only in an item another agency keeps to itself finds
 * nothing; facets narrow a search and their counts agree with the results; the results export as CSV
 * and PDF with exactly the rows shown; a TLP:RED item is listed for the people who may read it but
 * never exported.
 */
@ExtendWith(PortalStack.class)
class SearchJourneyIT {

    private static final String RED_ALERT = "Alert: stolen blank passports";

    private final Browser browser = new Browser();

    @AfterEach
    void closeBrowser() {
        browser.screenshot("search-last-page");
        browser.close();
    }

    @Test
    void aLiaisonSearchesNarrowsByFacetsAndExportsWhatTheyFound() throws IOException {
        browser.signIn("iom.liaison");

        SearchPage search = SearchPage.fromHeader(browser, "Trebil");
        assertThat(search.matches()).as("the Ministry's own incident at Trebil").isEqualTo("0 matching items");
        assertThat(search.titles()).isEmpty();
        assertThat(search.facet("kind", "RECORD")).isEmpty();

        search = search.searchFor("border");
        List<String> all = search.titles();
        assertThat(all).hasSizeGreaterThan(1);
        assertThat(search.matches()).isEqualTo(all.size() + " matching items");
        String records = search.facet("kind", "RECORD");
        assertThat(records).matches("Record \\(\\d+\\)");
        browser.screenshot("search-en");

        search = search.choose("kind", "RECORD");
        assertThat(browser.currentUrl()).contains("q=border").contains("kind=RECORD");
        List<String> found = search.titles();
        assertThat(found).isNotEmpty().isSubsetOf(all);
        assertThat(records).isEqualTo("Record (" + found.size() + ")");
        assertThat(search.facet("kind", "RECOMMENDATION")).as("the kind facet still offers the other kinds").isNotEmpty();

        Path csv = search.exportCsv();
        List<CSVRecord> rows = csv(csv);
        assertThat(rows).extracting(r -> r.get("Title")).containsExactlyElementsOf(found);
        assertThat(rows).extracting(r -> r.get("Kind")).containsOnly("Record");

        Path pdf = search.exportPdf();
        String text = pdfText(pdf);
        assertThat(text).contains("Search: border").contains(found.size() + " rows");
        found.forEach(title -> assertThat(text.replaceAll("\\s+", " ")).contains(title.substring(0, Math.min(12, title.length()))));
    }

    @Test
    void aRedItemIsListedForItsReadersButNeverExported() throws IOException {
        browser.signIn("moi.vetter");
        browser.open(PortalStack.portalUrl() + "/items.xhtml?view=ALL");
        new PortalPage(browser);
        assertThat(browser.text(By.id("items:table_data"))).contains(RED_ALERT);

        browser.click(By.id("items:export-csv"));
        List<CSVRecord> rows = csv(browser.awaitDownload(".csv"));
        assertThat(rows).isNotEmpty().extracting(r -> r.get("Title")).doesNotContain(RED_ALERT);
        assertThat(rows).extracting(r -> r.get("Marking")).doesNotContain("TLP:RED");

        browser.click(By.id("items:export-pdf"));
        assertThat(pdfText(browser.awaitDownload(".pdf"))).doesNotContain("stolen blank passports").contains("TLP:GREEN");
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        String content = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(content).as("a byte-order mark for spreadsheets").startsWith("\uFEFF");
        try (Reader reader = new StringReader(content.substring(1))) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }

    private static String pdfText(Path file) throws IOException {
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }
}
