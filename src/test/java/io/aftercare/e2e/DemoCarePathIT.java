package io.aftercare.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.springframework.boot.test.web.server.LocalServerPort;
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
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoCarePathIT {

    @LocalServerPort
    int port;

    Browser browser;
    Page page;

    @RegisterExtension
    final TestWatcher screenshotOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (page != null) {
                page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(java.nio.file.Paths.get("target/e2e-failures", context.getDisplayName() + ".png")));
            }
        }
    };

    @BeforeAll
    void openBrowser() {
        browser = new Browser();
        page = browser.newPage();
    }

    @AfterAll
    void closeBrowser() {
        browser.close();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
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
