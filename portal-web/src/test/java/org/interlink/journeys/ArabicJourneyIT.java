package org.interlink.journeys;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One item's whole way in Arabic, right to left: a Ministry official writes a record in Arabic (with
 * its English title and summary), submits it; a Ministry vetter, also in Arabic, publishes it; an IOM
 * liaison reads it in English and finds the Arabic as written, then in Arabic finds it by an Arabic
 * word. The three are people made for this test (their language choice stays theirs). Every step is saved as a screenshot ({@code target/it/screenshots/arabic-*.png}).
 */
@ExtendWith(PortalStack.class)
class ArabicJourneyIT {

    private Browser browser = new Browser();

    @AfterEach
    void closeBrowser() {
        browser.screenshot("arabic-last-page");
        browser.close();
    }

    @Test
    void aRecordWrittenInArabicIsVettedInArabicAndReadInEnglishAndArabic() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String arabicTitle = "إجراء إحالة المسافرين المستضعفين في منفذ سفوان " + tag;
        String arabicSummary = "يحدد هذا الإجراء كيفية إحالة المسافرين المستضعفين في منفذ سفوان الحدودي.";
        String englishTitle = "Referral of vulnerable travellers at Safwan " + tag;

        browser.signInAsNewPerson("iq-moi", "official");
        switchToArabic();
        browser.click(By.id("nav-records"));
        assertThat(new PortalPage(browser).title()).isEqualTo("السجلات");
        browser.click(By.id("new-record"));
        ItemFormPage form = new ItemFormPage(browser);
        assertThat(rtl()).isTrue();
        form.choose("record-form:type", "SOP");
        assertThat(browser.text(By.cssSelector("label[for^='record-form:referenceDate']"))).as("the type's own field names, in Arabic")
                .startsWith("تاريخ السريان");
        form.type("record-form:title", arabicTitle);
        form.type("record-form:summary", arabicSummary);
        assertThat(browser.await(By.id("record-form:language_input")).getAttribute("value"))
                .as("the text's language is the page's by default").isEqualTo("ar");
        form.type("record-form:title-en", englishTitle);
        form.type("record-form:summary-en", "How to refer vulnerable travellers at the Safwan border point.");
        form.date("record-form:referenceDate", "2026-12-01");
        form.type("record-form:location", "منفذ سفوان");
        form.choose("record-form:marking", "AMBER");
        form.radio("record-form:scope", "ALL_MEMBERS");
        assertThat(form.saveFailing()).as("a refused sharing, said in Arabic")
                .contains("لا يجوز مشاركة TLP:AMBER مع كل الجهات الأعضاء");
        form = new ItemFormPage(browser);
        form.choose("record-form:marking", "GREEN");
        browser.screenshot("arabic-1-form");
        ItemPage item = form.save();
        assertThat(item.title()).isEqualTo(arabicTitle);
        assertThat(item.state()).isEqualTo("مسودة");
        assertThat(browser.text(By.id("item-summary"))).isEqualTo(arabicSummary);
        String id = item.id();
        browser.screenshot("arabic-2-draft");
        item.step("submit");
        assertThat(new ItemPage(browser).state()).isEqualTo("مقدَّم");
        browser.screenshot("arabic-3-submitted");
        browser.close();

        browser = new Browser();
        browser.signInAsNewPerson("iq-moi", "vetter");
        switchToArabic();
        browser.click(By.id("nav-vetting"));
        assertThat(browser.text(By.id("items:table_data"))).contains(arabicTitle);
        assertThat(rtl()).isTrue();
        browser.screenshot("arabic-4-vetting-queue");
        browser.open(PortalStack.portalUrl() + "/item.xhtml?id=" + id);
        item = new ItemPage(browser);
        item.comment("تمت المراجعة مع فريق الحدود");
        item.step("publish");
        item = new ItemPage(browser);
        assertThat(item.infoMessage()).as("the confirmation in Arabic").isEqualTo("نُشر: أصبح مشاركًا وفق تصنيفه ونطاق مشاركته.");
        assertThat(item.state()).isEqualTo("منشور");
        assertThat(item.history()).contains("تمت المراجعة مع فريق الحدود");
        browser.screenshot("arabic-5-published");
        browser.close();

        browser = new Browser();
        browser.signInAsNewPerson("iom-iq", "liaison");
        SearchPage found = SearchPage.fromHeader(browser, "Safwan " + tag);
        assertThat(found.titles()).containsExactly(englishTitle);
        browser.click(By.linkText(englishTitle));
        item = new ItemPage(browser);
        assertThat(item.title()).as("an English reader reads the English title").isEqualTo(englishTitle);
        assertThat(browser.text(By.id("item-summary"))).isEqualTo("How to refer vulnerable travellers at the Safwan border point.");
        assertThat(browser.text(By.id("other-languages"))).as("and finds the Arabic as written").contains(arabicTitle);
        assertThat(browser.driver().findElement(By.id("item-summary")).getAttribute("lang")).isEqualTo("en");
        browser.screenshot("arabic-6-read-in-english");

        switchToArabic();
        found = SearchPage.fromHeader(browser, "المستضعفين " + tag);
        assertThat(found.titles()).as("found by an Arabic word, shown in Arabic").containsExactly(arabicTitle);
        assertThat(rtl()).isTrue();
        browser.screenshot("arabic-7-search");
    }

    private void switchToArabic() {
        browser.click(By.id("caller-bar:lang-ar"));
        browser.awaitLanguage("ar");
    }

    private boolean rtl() {
        return "rtl".equals(browser.driver().findElement(By.tagName("html")).getAttribute("dir"));
    }
}
