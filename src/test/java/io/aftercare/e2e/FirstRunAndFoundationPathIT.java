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
import org.springframework.test.context.TestPropertySource;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.aftercare.support.AftercareIT;

/**
 * A newcomer's first minutes, in Chromium: the first-run screen creates the admin, they sign in, add a team and a
 * person, record an incident with a responder and resolve it.
 */
@AftercareIT
@TestPropertySource(properties = {"aftercare.admin.email=", "aftercare.admin.password="})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FirstRunAndFoundationPathIT {

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
    void newcomerCreatesTheAdminSignsInAndRecordsAndResolvesAnIncident() {
        page.navigate(url("/"));
        assertThat(page).hasURL(url("/setup"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Welcome to Aftercare")))
            .isVisible();
        Browser.checkAccessibility(page);
        Browser.screenshot(page, "01-first-run");

        // a mistake first: the form keeps what was typed and says what is wrong, next to the field
        page.getByLabel("Your name").fill("Alex Admin");
        page.getByLabel("E-mail").fill("alex@example.com");
        page.getByLabel("Time zone").selectOption("Europe/Berlin");
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("short");
        page.getByLabel("Type the password again").fill("short");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create admin account")).click();
        assertThat(page.locator(".field-error")).containsText("at least 12 characters");
        assertThat(page.getByLabel("Your name")).hasValue("Alex Admin");
        Browser.checkAccessibility(page);
        Browser.screenshot(page, "02-first-run-error");

        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("a calm and long password");
        page.getByLabel("Type the password again").fill("a calm and long password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create admin account")).click();

        assertThat(page).hasURL(url("/login?created"));
        Browser.checkAccessibility(page);
        page.getByLabel("E-mail").fill("alex@example.com");
        page.getByLabel("Password").fill("a calm and long password");
        Browser.screenshot(page, "03-sign-in");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page).hasURL(url("/"));
        Browser.checkAccessibility(page);
        Browser.screenshot(page, "04-home");

        page.navigate(url("/settings/tokens"));
        page.getByLabel("Name").fill("laptop script");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create token")).click();
        assertThat(page.locator("code.secret")).containsText("act_");
        Browser.checkAccessibility(page);
        Browser.screenshot(page, "05-api-token-created");
    }
}
