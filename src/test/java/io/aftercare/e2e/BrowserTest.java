package io.aftercare.e2e;

import java.nio.file.Paths;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Page;

/**
 * What every browser path shares: pages of its own in the test JVM's Chromium ({@link Browser#shared()}), the
 * page in use (screenshotted into {@code target/e2e-failures} when a test fails), and addresses on the test server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTest {

    @LocalServerPort
    int port;

    Browser browser;

    /** The page in use; a test that opens another page for another person sets it, so a failure shows that one. */
    Page page;

    @RegisterExtension
    final TestWatcher screenshotOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (page != null) {
                page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(Paths.get("target/e2e-failures", context.getDisplayName() + ".png")));
            }
        }
    };

    @BeforeAll
    void openBrowser() {
        browser = Browser.shared();
    }

    /** Closes the class's pages; the Chromium behind them serves the next class. */
    @AfterAll
    void closeBrowser() {
        browser.close();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
