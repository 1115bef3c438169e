package org.interlink.journeys;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** {@code notifications.xhtml}: the inbox and the e-mail settings. */
public final class NotificationsPage extends PortalPage {

    NotificationsPage(Browser browser) {
        super(browser);
        browser.awaitUrlStartingWith(PortalStack.portalUrl() + "/notifications.xhtml");
        browser.await(By.id("inbox:table"));
    }

    public String inbox() {
        return browser.text(By.id("inbox:table"));
    }

    /** Opens the notification about the item with this title (marking it read) and shows the item. */
    public ItemPage open(String title) {
        WebElement link = browser.await(By.xpath("//a[contains(@class,'il-notification-link') and normalize-space(.)='" + title + "']"));
        link.click();
        return new ItemPage(browser);
    }

    /** The reminders about the agency's agreements ending (empty when there are none). */
    public String aboutAgreements() {
        return browser.driver().findElements(By.id("agreements:table")).stream().findFirst().map(WebElement::getText).orElse("");
    }

    /** Opens the reminder about the agreement with this reference (marking it read) and shows the agreement. */
    public AgreementsPage openAgreement(String reference) {
        browser.click(By.xpath("//a[contains(@class,'il-agreement-link') and normalize-space(.)='" + reference + "']"));
        browser.await(By.id("opened-status"));
        return new AgreementsPage(browser);
    }

    /** Turns e-mail of one kind (NotificationKind's name) off and saves. */
    public NotificationsPage mailOff(String kind) {
        WebElement box = mailBox(kind);
        if (box.getAttribute("class").contains("ui-state-active")) {
            box.click();
        }
        browser.click(By.id("mail:save-mail"));
        return new NotificationsPage(browser);
    }

    /** Whether e-mail of the kind (NotificationKind's name) is on. */
    public boolean mailOn(String kind) {
        return mailBox(kind).getAttribute("class").contains("ui-state-active");
    }

    private WebElement mailBox(String kind) {
        return browser.await(By.xpath("//input[@type='checkbox' and @value='" + kind
                + "']/../following-sibling::div[contains(@class,'ui-chkbox-box')]"));
    }
}
