package io.aftercare.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.aftercare.demo.DemoOrganisation;
import io.aftercare.support.AftercareIT;

/**
 * The demo admin's My aftercare in Chromium, on a desktop and on a phone: months of their own answers read as a few
 * sentences and small charts, the history of every incident collapsed, so that the page stays short; and every tap
 * target at least 44 px.
 */
@AftercareIT
@ActiveProfiles({"test", "demo"})
@TestPropertySource(properties = {"aftercare.admin.email=", "aftercare.admin.password="})
class DemoCarePathIT extends BrowserTest {

    @Test
    void theDemoAdminSeesMonthsOfTheirOwnAftercareOnOneCalmPage() {
        page = browser.newPage();
        signIn();
        page.navigate(url("/me"));
        assertThat(page.locator(".reading").first()).containsText("(lower is better)");
        assertThat(page.locator("figure.trend-chart").first()).isVisible();
        assertThat(page.locator("figure.trend-chart svg[role=img]").first()).hasAttribute("aria-labelledby",
            java.util.regex.Pattern.compile("trend-.*-text"));
        assertThat(page.locator("details.case").first()).isVisible();
        assertThat(page.locator("details.case[open]")).hasCount(0);
        assertThat(page.locator("table")).hasCount(0);
        Browser.checkAccessibility(page);
        Browser.screenshot(page, "demo-01-my-aftercare");
        int desktop = height();

        page = browser.newPage(390, 844);
        signIn();
        page.navigate(url("/me"));
        assertThat(page.locator("figure.trend-chart").first()).isVisible();
        Browser.checkAccessibility(page);
        Browser.screenshot(page, "demo-02-my-aftercare-phone");
        int phone = height();
        System.out.println("My aftercare of the demo admin: " + desktop + " px high at 1280 px, " + phone
            + " px at 390 px");
        assertThat(desktop).as("desktop page height (phone: " + phone + ")").isLessThan(2_000);
        assertThat(phone).as("phone page height, history collapsed (desktop: " + desktop + ")").isLessThan(2_500);
        assertThat(smallTapTargets()).as("tap targets under 44 px on a 390 px phone").isEmpty();

        // opening an incident with answers shows what was answered there and its own actions, still at thumb size
        page.locator("details.case:has(.steps li) summary").first().click();
        assertThat(page.locator("details.case[open] .steps li").first()).isVisible();
        assertThat(page.locator("details.case[open]").getByRole(AriaRole.BUTTON).first()).isVisible();
        assertThat(smallTapTargets()).as("tap targets in an opened incident").isEmpty();
    }

    private void signIn() {
        page.navigate(url("/login"));
        page.getByLabel("E-mail").fill(DemoOrganisation.ADMIN_EMAIL);
        page.getByLabel("Password").fill(DemoOrganisation.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page).hasURL(url("/me"));
    }

    private int height() {
        return ((Number) page.evaluate("() => document.documentElement.scrollHeight")).intValue();
    }

    /** The page's own links, buttons and summaries (not the shared header and footer) smaller than 44 by 44 px. */
    @SuppressWarnings("unchecked")
    private List<String> smallTapTargets() {
        return (List<String>) page.evaluate("""
            () => [...document.querySelectorAll('main a, main button, main summary, main input:not([type=hidden])')]
              .filter(e => e.offsetParent !== null)
              .map(e => [e, e.getBoundingClientRect()])
              .filter(([e, r]) => r.height < 44 || r.width < 44)
              .map(([e, r]) => e.tagName + ' "' + e.textContent.trim().slice(0, 40) + '" '
                + Math.round(r.width) + 'x' + Math.round(r.height))""");
    }
}
