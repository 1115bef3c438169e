package org.interlink.journeys;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** {@code admin/agencies.xhtml}: the platform administrator's agencies and communities. */
public final class AgenciesPage extends PortalPage {

    AgenciesPage(Browser browser) {
        super(browser);
        browser.awaitPortalPage("/admin/agencies.xhtml");
        browser.await(By.id("onboard:submit"));
    }

    static AgenciesPage open(Browser browser) {
        browser.click(By.id("nav-agencies"));
        return new AgenciesPage(browser);
    }

    public AgenciesPage onboard(String code, String name, String kind, String country) {
        browser.await(By.id("onboard:code")).sendKeys(code);
        browser.await(By.id("onboard:name")).sendKeys(name);
        new Select(browser.await(By.id("onboard:kind"))).selectByValue(kind);
        browser.await(By.id("onboard:country")).sendKeys(country);
        browser.click(By.id("onboard:submit"));
        return new AgenciesPage(browser);
    }

    /** The agency's row (code, name, kind, country, status), empty when it is not listed. */
    public String row(String code) {
        return browser.driver().findElements(By.cssSelector("tr.il-agency-" + code)).stream().findFirst()
                .map(row -> row.getText().trim()).orElse("");
    }

    public AgenciesPage suspend(String code) {
        browser.click(By.cssSelector("tr.il-agency-" + code + " .il-suspend"));
        browser.driver().switchTo().alert().accept();
        return new AgenciesPage(browser);
    }

    public AgenciesPage reactivate(String code) {
        browser.click(By.cssSelector("tr.il-agency-" + code + " .il-reactivate"));
        return new AgenciesPage(browser);
    }

    public AgenciesPage createCommunity(String code, String name) {
        browser.await(By.id("communities:new-code")).sendKeys(code);
        browser.await(By.id("communities:new-name")).sendKeys(name);
        browser.click(By.id("communities:create"));
        return new AgenciesPage(browser);
    }

    public AgenciesPage addToCommunity(String community, String agency) {
        new Select(browser.await(By.id("communities:community"))).selectByValue(community);
        new Select(browser.await(By.id("communities:agency"))).selectByValue(agency);
        browser.click(By.id("communities:add"));
        return new AgenciesPage(browser);
    }

    public AgenciesPage removeFromCommunity(String community, String agency) {
        browser.click(By.cssSelector(".il-community-" + community + " .il-remove-" + agency));
        return new AgenciesPage(browser);
    }

    /** The community's agencies as listed, empty when there is no such community. */
    public String community(String code) {
        return browser.driver().findElements(By.cssSelector(".il-community-" + code)).stream().findFirst()
                .map(c -> c.getText().trim()).orElse("");
    }
}
