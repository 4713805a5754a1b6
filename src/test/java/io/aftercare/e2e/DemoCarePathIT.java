package io.aftercare.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.aftercare.demo.DemoOrganisation;
import io.aftercare.support.AftercareIT;

/**
 * The demo in Chromium: the admin's My aftercare with months of their own answers, and what a coordinator, a lead
 * and a supporter find on their pages.
 */
@AftercareIT
@ActiveProfiles({"test", "demo"})
@TestPropertySource(properties = {"aftercare.admin.email=", "aftercare.admin.password="})
class DemoCarePathIT extends BrowserTest {

    @BeforeAll
    void openPage() {
        page = browser.newPage();
    }

    @Test
    void theDemoAdminSeesMonthsOfTheirOwnAftercare() {
        page.navigate(url("/login"));
        page.getByLabel("E-mail").fill(DemoOrganisation.ADMIN_EMAIL);
        page.getByLabel("Password").fill(DemoOrganisation.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

        page.navigate(url("/me"));
        assertThat(page.getByText("has come down since day 1.").first()).isVisible();
        assertThat(page.locator("canvas#care-chart")).isVisible();
        page.waitForFunction("() => { const c = document.getElementById('care-chart');"
            + " return c && window.Chart && window.Chart.getChart(c) !== undefined; }");
        Browser.checkAccessibility(page);
        Browser.screenshot(page, "demo-01-my-aftercare");
    }

    @Test
    void everyRoleOfTheDemoFindsItsPagesFilled() {
        // a coordinator: programme health of the newest closed month, in words, with figures
        Page lena = signedIn("lena");
        lena.navigate(url("/programme/support/health"));
        assertThat(lena.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
            .setName("Is peer support reaching people?"))).isVisible();
        assertThat(lena.locator("dl.health")).containsText("More than three quarters");
        Browser.checkAccessibility(lena);
        Browser.screenshot(lena, "demo-02-programme-health");
        lena.navigate(url("/programme/support"));
        assertThat(lena.locator("main")).containsText("Kenji Sato");
        Browser.screenshot(lena, "demo-03-roster");
        lena.navigate(url("/resources"));
        assertThat(lena.locator("main")).containsText("Samaritans");
        Browser.screenshot(lena, "demo-04-resources");

        // a lead: the team page leads to the team's care, names only
        Page sam = signedIn("sam");
        sam.navigate(url("/teams"));
        sam.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Checkout").setExact(true)).click();
        assertThat(sam.locator("main")).containsText("You lead this team.");
        sam.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Care in this team: suggest a check-in"))
            .click();
        assertThat(sam.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Care in Checkout")))
            .isVisible();
        assertThat(sam.locator("main")).containsText("Priya Natarajan");
        Browser.checkAccessibility(sam);
        Browser.screenshot(sam, "demo-05-lead-team-care");

        // a supporter: Diego asked a moment ago, and one of the supporters outside his team has it
        Page supporter = null;
        for (String who : java.util.List.of("jonas", "aisha", "kenji")) {
            Page p = signedIn(who);
            p.navigate(url("/support/assigned"));
            if (p.locator(".support-request").count() > 0) {
                supporter = p;
                break;
            }
        }
        org.assertj.core.api.Assertions.assertThat(supporter).as("a supporter with Diego's request").isNotNull();
        assertThat(supporter.locator(".support-request").first())
            .containsText("Diego Alvarez asked for someone to talk to. Could you say hello today?");
        Browser.checkAccessibility(supporter);
        Browser.screenshot(supporter, "demo-06-supporter");
    }

    private Page signedIn(String who) {
        Page p = browser.newPage();
        p.navigate(url("/login"));
        p.getByLabel("E-mail").fill(who + DemoOrganisation.DOMAIN);
        p.getByLabel("Password").fill(DemoOrganisation.PASSWORD);
        p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(p).hasURL(url("/me"));
        return p;
    }
}
