package io.aftercare.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;

/**
 * The browser tests' accessibility check ({@link Browser#axe(Page)}, in the page itself and gathering violations
 * only) still finds what is wrong: a page with an image without a text alternative, a button without a name, a
 * field without a label and text too faint to read fails, and a page without them passes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AxeCheckIT {

    Browser browser;

    @BeforeAll
    void open() {
        browser = Browser.shared();
    }

    @AfterAll
    void close() {
        browser.close();
    }

    @Test
    void findsWhatAPersonWithAScreenReaderOrPoorSightWouldMeet() {
        Page page = browser.newPage();
        page.setContent("""
            <!doctype html><html lang="en"><head><title>Broken</title></head><body><main><h1>Broken</h1>
            <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
            <button></button>
            <input type="text">
            <p style="color:#ccc;background:#fff">Too faint to read</p>
            </main></body></html>""");
        assertThat(Browser.axe(page)).extracting(Rule::getId)
            .contains("image-alt", "button-name", "label", "color-contrast");
        assertThatThrownBy(() -> Browser.checkAccessibility(page)).hasMessageContaining("image-alt");
        page.context().close();
    }

    @Test
    void aPageWithoutThemPasses() {
        Page page = browser.newPage();
        page.setContent("""
            <!doctype html><html lang="en"><head><title>Fine</title></head><body><main><h1>Fine</h1>
            <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="A dot">
            <button>Save</button>
            <label>Name <input type="text"></label>
            <p style="color:#222;background:#fff">Easy to read</p>
            </main></body></html>""");
        assertThat(Browser.axe(page)).isEmpty();
        Browser.checkAccessibility(page);
        page.context().close();
    }
}
