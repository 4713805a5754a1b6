package io.aftercare.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;

import io.aftercare.demo.DemoOrganisation;
import io.aftercare.support.AftercareIT;

/**
 * Every page each demo role can reach, at a desktop width and on a phone (390 × 844): from the navigation, then every
 * same-origin link on those pages (GET only, bounded, never sign-out or a download). Each page must answer 2xx and
 * read as a person would want it to: no "null" or "undefined", no empty name cell, no sideways scrolling on a phone,
 * nothing axe-core finds, and on the pages people answer from (check-in, thank-you, My aftercare) no tap target under
 * 44 px. Every finding is collected and the failure lists them all (role, width, address, what).
 */
@AftercareIT
@ActiveProfiles({"test", "demo"})
@TestPropertySource(properties = {"aftercare.admin.email=", "aftercare.admin.password="})
class EveryPageCrawlIT extends BrowserTest {

    /** How many pages one role's crawl visits at most, and how many addresses of one shape (ids folded). */
    private static final int MAX_PAGES_PER_ROLE = 30;
    private static final int MAX_PER_SHAPE = 1;
    /** Roles crawled at once: one for each core of the build machine. */
    private static final int CRAWLERS = 2;

    private static final Logger log = LoggerFactory.getLogger(EveryPageCrawlIT.class);

    private static final Pattern UUID_PART =
        Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern CHECK_IN = Pattern.compile("^/check-ins/[^/]+$");
    /** Links a crawl must not follow: leaving, downloads, API and machine routes, links that spend a token. */
    private static final List<String> SKIP = List.of("/logout", "/api/", "/v3/", "/swagger-ui", "/actuator",
        "/settings/data/export", "/c/", "/invite/", "/reset/", "/integrations/history/", "/webjars/", "/css/",
        "/js/", "/img/");
    /** Columns whose cells name someone or something: never blank. */
    private static final Set<String> NAME_COLUMNS =
        Set.of("name", "leads", "teams", "team", "person", "who", "supporter", "responder", "people in it");

    record Role(String role, String email) {
    }

    record Width(String name, int width, int height) {
    }

    private static final List<Role> ROLES = List.of(
        new Role("responder", "priya" + DemoOrganisation.DOMAIN),
        new Role("lead", "sam" + DemoOrganisation.DOMAIN),
        new Role("supporter", "jonas" + DemoOrganisation.DOMAIN),
        new Role("coordinator", "lena" + DemoOrganisation.DOMAIN),
        new Role("admin", DemoOrganisation.ADMIN_EMAIL));

    private static final Width DESKTOP = new Width("desktop", 1280, 860);
    private static final Width PHONE = new Width("phone 390", 390, 844);

    @BeforeAll
    void openPage() {
        page = browser.newPage();
    }

    @Test
    void everyPageEachRoleCanReachReadsWellOnADesktopAndOnAPhone() throws InterruptedException {
        List<String> findings = Collections.synchronizedList(new ArrayList<>());
        Set<String> axedOnAPhone = ConcurrentHashMap.newKeySet();
        // Two roles at a time, each crawler with a Chromium of its own (Playwright is not shared between threads):
        // the server and one browser kept one core of the two busy while the other waited. Every role still visits
        // the same pages, and every phone shape is still checked by axe once, by whichever role reaches it first.
        Queue<Role> roles = new ConcurrentLinkedQueue<>(ROLES);
        Callable<Void> crawler = () -> {
            try (Browser own = new Browser()) {
                for (Role role = roles.poll(); role != null; role = roles.poll()) {
                    crawl(own, role, findings, axedOnAPhone);
                }
            }
            return null;
        };
        ExecutorService crawlers = Executors.newFixedThreadPool(CRAWLERS);
        try {
            for (Future<Void> done : crawlers.invokeAll(Collections.nCopies(CRAWLERS, crawler))) {
                try {
                    done.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Error error) {
                        throw error; // a failed assertion, as it would have failed without the threads
                    }
                    throw new IllegalStateException("A crawler stopped: " + e.getCause().getMessage(), e.getCause());
                }
            }
        } finally {
            crawlers.shutdownNow();
        }
        page = null;
        if (!findings.isEmpty()) {
            fail(findings.size() + " things a person would notice:\n" + String.join("\n", findings));
        }
    }

    /** One role's crawl, from its navigation, at both widths. */
    private void crawl(Browser own, Role role, List<String> findings, Set<String> axedOnAPhone) {
        Page desktop = signedIn(own, role, DESKTOP);
        Page phone = own.newPage(PHONE.width(), PHONE.height());
        phone.context().addCookies(desktop.context().cookies());

        Deque<String> queue = new ArrayDeque<>(navigationLinks(desktop));
        queue.addFirst("/me");
        Set<String> seen = new LinkedHashSet<>(queue);
        Map<String, Integer> perShape = new HashMap<>();
        int visited = 0;
        while (!queue.isEmpty() && visited < MAX_PAGES_PER_ROLE) {
            String path = queue.removeFirst();
            String shape = shape(path);
            if (perShape.merge(shape, 1, Integer::sum) > MAX_PER_SHAPE) {
                continue;
            }
            visited++;
            List<String> links = visit(desktop, role, DESKTOP, path, true, findings);
            visit(phone, role, PHONE, path, axedOnAPhone.add(shape), findings);
            for (String link : links) {
                if (CHECK_IN.matcher(link).matches()) {
                    // a check-in and the thank-you page after it (a GET of its own) come first: tap targets
                    // count most where people answer
                    if (seen.add(link + "/thanks")) {
                        queue.addFirst(link + "/thanks");
                    }
                    if (seen.add(link)) {
                        queue.addFirst(link);
                    }
                } else if (seen.add(link)) {
                    queue.addLast(link);
                }
            }
        }
        desktop.context().close();
        phone.context().close();
    }

    /**
     * On a phone the navigation is one "Menu" button that opens by keyboard and without JavaScript, and each of its
     * links is big enough to tap.
     */
    @Test
    void onAPhoneTheMenuOpensByKeyboardWithoutJavaScript() {
        Page desktop = signedIn(ROLES.get(4), DESKTOP);
        BrowserContext noScript = desktop.context().browser().newContext(new com.microsoft.playwright.Browser
            .NewContextOptions().setViewportSize(PHONE.width(), PHONE.height()).setJavaScriptEnabled(false)
            .setLocale("en-GB").setTimezoneId("Europe/Berlin"));
        noScript.addCookies(desktop.context().cookies());
        Page phone = noScript.newPage();
        page = phone;
        phone.navigate(url("/incidents"));
        var menu = phone.locator("summary", new Page.LocatorOptions().setHasText("Menu"));
        assertThat(menu).isVisible();
        var teams = phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Teams").setExact(true));
        assertThat(teams).isHidden();
        menu.focus();
        phone.keyboard().press("Enter");
        assertThat(teams).isVisible();
        org.assertj.core.api.Assertions.assertThat(teams.boundingBox().height).isGreaterThanOrEqualTo(44);
        screenOnly(phone, "site-01-menu-on-a-phone");
        phone.keyboard().press("Enter");
        assertThat(teams).isHidden();

        page = browser.newPage(PHONE.width(), PHONE.height());
        page.context().addCookies(desktop.context().cookies());
        page.navigate(url("/incidents"));
        screenOnly(page, "site-02-incidents-on-a-phone");
        page.context().close();

        page = desktop;
        desktop.navigate(url("/programme"));
        Browser.screenshot(desktop, "site-03-programme");
        desktop.navigate(url("/teams"));
        Browser.screenshot(desktop, "site-04-teams-with-leads");
        desktop.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Checkout").setExact(true)).click();
        Browser.screenshot(desktop, "site-05-team");
        noScript.close();
        desktop.context().close();
        page = null;
    }

    /** What a phone's screen shows, not the whole long page. */
    private static void screenOnly(Page p, String name) {
        p.screenshot(new Page.ScreenshotOptions().setPath(Browser.SCREENSHOTS.resolve(name + ".png")));
    }

    private Page signedIn(Role role, Width width) {
        return signedIn(browser, role, width);
    }

    private Page signedIn(Browser in, Role role, Width width) {
        Page p = in.newPage(width.width(), width.height());
        p.navigate(url("/login"));
        p.getByLabel("E-mail").fill(role.email());
        p.getByLabel("Password").fill(DemoOrganisation.PASSWORD);
        p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(p).hasURL(url("/me"));
        return p;
    }

    @SuppressWarnings("unchecked")
    private List<String> navigationLinks(Page p) {
        return sameOrigin((List<String>) p.evaluate(
            "() => [...document.querySelectorAll('header nav a[href]')].map(a => a.href)"));
    }

    /** Opens one page at one width, notes what is wrong with it, and returns its same-origin links. */
    @SuppressWarnings("unchecked")
    private List<String> visit(Page p, Role role, Width width, String path, boolean axe, List<String> findings) {
        String where = role.role() + " · " + width.name() + " · " + path + " · ";
        int before = findings.size();
        try {
            return check(p, width, path, axe, where, findings);
        } finally {
            // a long crawl says where it is, and each finding as it is found
            log.info("crawled {}{}", where, findings.size() == before ? "fine"
                : String.join(" | ", findings.subList(before, findings.size())));
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> check(Page p, Width width, String path, boolean axe, String where, List<String> findings) {
        Response response;
        try {
            response = p.navigate(url(path));
        } catch (RuntimeException e) {
            findings.add(where + "did not load: " + e.getMessage().lines().findFirst().orElse(""));
            return List.of();
        }
        if (response == null || response.status() < 200 || response.status() > 299) {
            findings.add(where + "answered " + (response == null ? "nothing" : response.status()));
            return List.of();
        }
        String text = (String) p.evaluate("() => document.body.innerText");
        if (Pattern.compile("\\bnull\\b").matcher(text).find()) {
            findings.add(where + "shows the word \"null\": " + around(text, "null"));
        }
        if (Pattern.compile("\\bundefined\\b").matcher(text).find()) {
            findings.add(where + "shows the word \"undefined\": " + around(text, "undefined"));
        }
        List<String> empty = (List<String>) p.evaluate("names => [...document.querySelectorAll('table')].flatMap(t => {"
            + " const heads = [...t.querySelectorAll('thead th')].map(h => h.innerText.trim().toLowerCase());"
            + " return [...t.querySelectorAll('tbody tr')].flatMap((r, i) => [...r.children].flatMap((c, j) =>"
            + "   names.includes(heads[j]) && c.textContent.trim() === '' ? [heads[j] + ' in row ' + (i + 1)] : []));"
            + "})", List.copyOf(NAME_COLUMNS));
        empty.forEach(cell -> findings.add(where + "empty name cell: " + cell));
        if (width == PHONE) {
            Number overflow = (Number) p.evaluate(
                "() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            if (overflow.intValue() > 0) {
                List<String> wide = (List<String>) p.evaluate("() => [...document.querySelectorAll('body *')]"
                    + ".filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1"
                    + "  && !e.closest('.table-scroll, pre'))"
                    + ".slice(0, 3).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''))");
                findings.add(where + "scrolls sideways by " + overflow + " px (" + String.join(", ", wide) + ")");
            }
        }
        if (path.equals("/me") || path.startsWith("/check-ins/")) {
            List<String> small = (List<String>) p.evaluate("() => [...document.querySelectorAll("
                + "'main button, main .button, main input:not([type=hidden]), main select, main textarea, main summary')]"
                + ".map(e => (e.type === 'radio' || e.type === 'checkbox') && e.closest('label') ? e.closest('label') : e)"
                + ".filter(e => e.offsetParent !== null)"
                + ".map(e => [e, e.getBoundingClientRect()])"
                + ".filter(([e, r]) => r.height < 44 || r.width < 44)"
                + ".map(([e, r]) => e.tagName.toLowerCase() + ' \"' + (e.innerText || e.value || e.name || '').trim()"
                + "  .slice(0, 40) + '\" ' + Math.round(r.width) + '×' + Math.round(r.height))");
            small.forEach(s -> findings.add(where + "tap target under 44 px: " + s));
        }
        if (axe) {
            Browser.axe(p).forEach(v -> findings.add(where + "axe " + v.getId() + ": " + v.getHelp() + " → "
                    + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).limit(3).toList()));
        }
        return sameOrigin((List<String>) p.evaluate(
            "() => [...document.querySelectorAll('a[href]')].filter(a => !a.hasAttribute('download')).map(a => a.href)"));
    }

    private List<String> sameOrigin(List<String> hrefs) {
        URI base = URI.create(url("/"));
        List<String> paths = new ArrayList<>();
        for (String href : hrefs) {
            URI uri;
            try {
                uri = URI.create(href);
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (!"http".equals(uri.getScheme()) || !base.getHost().equals(uri.getHost())
                || base.getPort() != uri.getPort()) {
                continue;
            }
            String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            if (path.isEmpty() || SKIP.stream().anyMatch(path::startsWith)) {
                continue;
            }
            paths.add(path);
        }
        return paths;
    }

    /** An address with its ids and query folded, so that a crawl visits a few of each kind, not every one. */
    private static String shape(String path) {
        String noQuery = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        return UUID_PART.matcher(noQuery).replaceAll("{id}").replaceAll("/\\d+(?=/|$)", "/{n}");
    }

    private static String around(String text, String word) {
        int at = text.indexOf(word);
        String line = text.substring(Math.max(0, at - 50), Math.min(text.length(), at + word.length() + 30));
        return "\"…" + line.replaceAll("\\s+", " ").trim() + "…\"";
    }
}
