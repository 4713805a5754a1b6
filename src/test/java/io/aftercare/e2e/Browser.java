package io.aftercare.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * Debian's Chromium driven by Playwright, headless. Every page a test visits can be checked with axe-core
 * ({@link #checkAccessibility(Page)}); screenshots go to {@code docs/screenshots/}.
 *
 * <p>Chromium's headless shell must be installed ({@code apt-get install chromium-headless-shell}; the full browser
 * can be given with {@code -Daftercare.chromium=/usr/bin/chromium}); without it the tests fail with that message —
 * they never skip.
 *
 * <p>Each page is opened in a browser profile of its own, so nothing a test does reaches another. The Chromium
 * behind them is started once for the thread that runs the test classes ({@link #shared()}) and kept until the
 * test JVM ends: starting Playwright's driver and a Chromium for every class cost a few seconds of CPU each time.
 * A thread of a test's own opens a Chromium of its own ({@link #Browser()}): Playwright is used from one thread.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Paths.get(System.getProperty("aftercare.chromium",
        "/usr/bin/chromium-headless-shell"));
    static final Path SCREENSHOTS = Paths.get(System.getProperty("aftercare.screenshots", "docs/screenshots"));

    private static final ThreadLocal<Engine> SHARED = new ThreadLocal<>();

    private final Engine engine;
    private final boolean ownsEngine;
    private final List<BrowserContext> contexts = new ArrayList<>();

    /** A Chromium of this object's own, closed with it. */
    Browser() {
        this(Engine.start(), true);
    }

    private Browser(Engine engine, boolean ownsEngine) {
        this.engine = engine;
        this.ownsEngine = ownsEngine;
    }

    /**
     * The Chromium this thread already runs (started on first use, stopped when the JVM ends). Closing what this
     * returns closes the pages it opened, not the browser.
     */
    static Browser shared() {
        Engine engine = SHARED.get();
        if (engine == null || !engine.browser.isConnected()) {
            engine = Engine.start();
            SHARED.set(engine);
            Runtime.getRuntime().addShutdownHook(new Thread(engine::stop, "chromium-stop"));
        }
        return new Browser(engine, false);
    }

    /** A fresh browser profile (no cookies) at a desktop size. */
    Page newPage() {
        return newPage(1280, 860);
    }

    Page newPage(int width, int height) {
        BrowserContext context = engine.browser.newContext(new NewContextOptions().setViewportSize(width, height)
            .setLocale("en-GB").setTimezoneId("Europe/Berlin"));
        context.setDefaultTimeout(15_000);
        contexts.add(context);
        return context.newPage();
    }

    /** The WCAG 2.x A/AA rules every page is held to. */
    static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    /**
     * What axe-core finds against {@link #WCAG_TAGS} on the page as it is now. The same rules as axe's default
     * run, in the page itself: our pages have no frames, so axe's frame-by-frame mode (which opens and closes a
     * second page for every check) finds nothing more, and only violations are gathered, not the thousands of
     * passing nodes nobody reads. Each check takes a fraction of the time it did.
     */
    static List<Rule> axe(Page page) {
        AxeRunOptions options = new AxeRunOptions();
        options.setResultTypes(List.of("violations"));
        AxeResults results = new AxeBuilder(page).options(options).withTags(WCAG_TAGS).setLegacyMode(true).analyze();
        if (results.isErrored()) {
            throw new IllegalStateException("axe-core did not finish on " + page.url() + ": " + results.getErrorMessage());
        }
        return results.getViolations();
    }

    /** Fails with a readable list when axe-core finds WCAG 2.x A/AA violations on the page. */
    static void checkAccessibility(Page page) {
        String violations = axe(page).stream()
            .map(v -> v.getId() + ": " + v.getHelp() + " → " + v.getNodes().stream()
                .map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
            .collect(Collectors.joining("\n"));
        assertThat(violations).as("accessibility violations on %s", page.url()).isEmpty();
    }

    static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(path(name)).setFullPage(true));
    }

    /**
     * Only what is on the screen, as a person sees it: a full-page picture draws a bar that sticks to the foot of
     * the screen halfway down the page, over whatever is there.
     */
    static void screenshotScreen(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(path(name)).setFullPage(false));
    }

    private static Path path(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return SCREENSHOTS.resolve(name + ".png");
    }

    @Override
    public void close() {
        if (ownsEngine) {
            engine.stop();
            return;
        }
        for (BrowserContext context : contexts) {
            context.close();
        }
        contexts.clear();
    }

    /** Playwright's driver and one Chromium. */
    private record Engine(Playwright playwright, com.microsoft.playwright.Browser browser) {

        static Engine start() {
            assertThat(Files.isExecutable(CHROMIUM))
                .as("Browser tests need Chromium at %s. Install it with: apt-get update && apt-get install -y "
                    + "chromium-headless-shell (or give another with -Daftercare.chromium=...)", CHROMIUM)
                .isTrue();
            Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            return new Engine(playwright, playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"))));
        }

        void stop() {
            try {
                browser.close();
            } finally {
                playwright.close();
            }
        }
    }
}
