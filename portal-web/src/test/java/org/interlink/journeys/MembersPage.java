package org.interlink.journeys;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;

/** {@code agency/members.xhtml}: the agency administrator's members, one member opened, a new member. */
public final class MembersPage extends PortalPage {

    MembersPage(Browser browser) {
        super(browser);
        browser.awaitPortalPage("/agency/members.xhtml");
    }

    static MembersPage open(Browser browser) {
        browser.click(By.id("nav-members"));
        return new MembersPage(browser);
    }

    /** Opens a member by URL, as anyone could type it. */
    static MembersPage open(Browser browser, String username) {
        browser.open(PortalStack.portalUrl() + "/agency/members.xhtml?user=" + username);
        return new MembersPage(browser);
    }

    /** The usernames listed. */
    public List<String> usernames() {
        browser.await(By.id("members:table"));
        return browser.driver().findElements(By.cssSelector(".il-member-link")).stream().map(WebElement::getText).toList();
    }

    public String row(String username) {
        return browser.text(By.cssSelector("tr.il-member-" + username.replace(".", "\\.")));
    }

    /** Creates a member with the roles (values such as {@code OFFICIAL}) and returns the one-time password shown. */
    public String create(String username, String firstName, String lastName, String email, String... roles) {
        browser.await(By.id("create:username")).sendKeys(username);
        browser.await(By.id("create:first-name")).sendKeys(firstName);
        browser.await(By.id("create:last-name")).sendKeys(lastName);
        browser.await(By.id("create:email")).sendKeys(email);
        checkRoles("create:new-roles", roles);
        browser.click(By.id("create:submit"));
        return browser.text(By.id("temporary-password"));
    }

    public MembersPage openMember(String username) {
        browser.click(By.linkText(username));
        browser.await(By.id("member:save-roles"));
        return new MembersPage(browser);
    }

    /** Adds an existing user by username; the page answers with the member opened, or with why not. */
    public MembersPage addExisting(String username) {
        browser.await(By.id("existing:existing-username")).sendKeys(username);
        browser.click(By.id("existing:add"));
        return new MembersPage(browser);
    }

    public boolean showsMember() {
        return !browser.driver().findElements(By.id("member:save-roles")).isEmpty();
    }

    public MembersPage saveRoles(String... roles) {
        checkRoles("member:roles", roles);
        browser.click(By.id("member:save-roles"));
        return new MembersPage(browser);
    }

    public MembersPage disable() {
        browser.click(By.id("member:disable"));
        browser.driver().switchTo().alert().accept();
        browser.await(By.id("member:enable"));
        return new MembersPage(browser);
    }

    public boolean saysKeycloakIsUnavailable() {
        return !browser.driver().findElements(By.id("unavailable")).isEmpty();
    }

    public boolean offersChanges() {
        return !browser.driver().findElements(By.id("create:submit")).isEmpty();
    }

    /** Ticks exactly these roles in the checkbox group (PrimeFaces draws its own boxes next to hidden inputs). */
    private void checkRoles(String group, String... roles) {
        List<String> wanted = List.of(roles);
        for (WebElement input : browser.driver().findElements(By.cssSelector("[id='" + group + "'] input[type=checkbox]"))) {
            WebElement box = input.findElement(By.xpath("./../following-sibling::div[contains(@class,'ui-chkbox-box')]"));
            if (box.getAttribute("class").contains("ui-state-active") != wanted.contains(input.getAttribute("value"))) {
                box.click();
            }
        }
    }
}
