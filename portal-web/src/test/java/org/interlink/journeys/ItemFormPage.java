package org.interlink.journeys;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The edit pages of records, recommendations and meeting outcomes, driven through their PrimeFaces inputs. */
public final class ItemFormPage extends PortalPage {

    ItemFormPage(Browser browser) {
        super(browser);
        browser.await(By.cssSelector("form.il-form"));
    }

    public void type(String id, String text) {
        WebElement input = browser.await(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    /**
     * Sets the date of a p:datePicker through its widget, as picking the day in its calendar does
     * (typing would leave the calendar open, holding the keyboard).
     */
    public void date(String id, String isoDate) {
        browser.await(By.id(id + "_input"));
        ((JavascriptExecutor) browser.driver()).executeScript(
                "var d = arguments[1].split('-');"
                        + "PrimeFaces.getWidgetById(arguments[0]).setDate(new Date(+d[0], +d[1] - 1, +d[2]));",
                id, isoDate);
    }

    /**
     * Chooses a value in a p:selectOneMenu through the PrimeFaces widget, as a click on the item does:
     * selected, then changed (selectValue alone is silent, so the menu's ajax would not run).
     */
    public void choose(String id, String value) {
        browser.await(By.id(id));
        ((JavascriptExecutor) browser.driver()).executeScript(
                "var menu = PrimeFaces.getWidgetById(arguments[0]); menu.selectValue(arguments[1]); menu.triggerChange();", id, value);
        waitForAjax();
    }

    /** Ticks one value of a p:selectCheckboxMenu. */
    public void pick(String id, String value) {
        browser.await(By.id(id));
        ((JavascriptExecutor) browser.driver()).executeScript(
                "PrimeFaces.getWidgetById(arguments[0]).selectValue(arguments[1]);", id, value);
        waitForAjax();
    }

    /** Chooses a p:selectOneRadio option by its value (the scope's name). */
    public void radio(String id, String value) {
        browser.click(By.xpath("//input[@name='" + id + "' and @value='" + value
                + "']/../following-sibling::div[contains(@class,'ui-radiobutton-box')]"));
        waitForAjax();
    }

    /** Types into the first input the selector finds (rows of a form have no ids of their own). */
    public void typeIn(By locator, String text) {
        WebElement input = browser.await(locator);
        input.clear();
        input.sendKeys(text);
    }

    /** Chooses a value in the first p:selectOneMenu the CSS selector finds. */
    public void chooseIn(String css, String value) {
        choose(browser.await(By.cssSelector(css)).getAttribute("id"), value);
    }

    /** Sets the date of the p:datePicker whose text field the CSS selector finds first. */
    public void dateIn(String inputCss, String isoDate) {
        date(browser.await(By.cssSelector(inputCss)).getAttribute("id").replaceFirst("_input$", ""), isoDate);
    }

    /**
     * Writes and saves a recommendation to {@code addressee}, shared with that agency alone, and
     * answers its page.
     */
    static ItemPage recommendation(Browser browser, String addressee, String title, String summary, String marking) {
        browser.open(PortalStack.portalUrl() + "/recommendation-edit.xhtml");
        ItemFormPage form = new ItemFormPage(browser);
        form.choose("recommendation-form:addressee", addressee);
        form.type("recommendation-form:title", title);
        form.type("recommendation-form:summary", summary);
        form.choose("recommendation-form:marking", marking);
        form.radio("recommendation-form:scope", "NAMED_AGENCIES");
        form.pick("recommendation-form:agencies", addressee);
        return form.save();
    }

    public ItemPage save() {
        browser.click(By.cssSelector("[id$=':save']"));
        return new ItemPage(browser);
    }

    /** Saves and expects to stay on the form with an error message, which it returns. */
    public String saveFailing() {
        browser.click(By.cssSelector("[id$=':save']"));
        return browser.text(By.cssSelector(".ui-messages-error"));
    }

    private void waitForAjax() {
        browser.waitFor(Browser.WAIT).until(ExpectedConditions.jsReturnsValue(
                "return (window.PrimeFaces && PrimeFaces.ajax && PrimeFaces.ajax.Queue.isEmpty()) ? true : null"));
    }

}
