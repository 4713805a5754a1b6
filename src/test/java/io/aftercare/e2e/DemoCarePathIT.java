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

/** The demo admin's My aftercare in Chromium: months of their own answers, a chart and its reading. */
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
}
