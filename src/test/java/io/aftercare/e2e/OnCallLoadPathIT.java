package io.aftercare.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.aftercare.support.AftercareIT;
import io.aftercare.support.PlainNames;
import io.aftercare.support.TestApi;

/**
 * On-call load in Chromium: a person reads their own October (from My aftercare), their team's lead reads the
 * team's (from the team page), each as a sentence, a chart and the chart's table, at desktop and phone width,
 * axe-clean. October 2026: a daily rotation handed over at 09:00 Berlin time from 1 October, Robin on the odd days.
 */
@AftercareIT
class OnCallLoadPathIT extends BrowserTest {

    static final String PASSWORD = "a calm and long password";

    String[] person(String name, List<String> roles) {
        String email = PlainNames.email(name, "example.com");
        var r = TestApi.at(port).asAdmin().post("/api/v1/people", new HashMap<>(Map.of("name", name, "email", email,
            "password", PASSWORD, "timeZone", "Europe/Berlin", "roles", roles)));
        org.assertj.core.api.Assertions.assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return new String[] {email, r.json("$.id")};
    }

    void signIn(Page p, String email) {
        p.navigate(url("/login"));
        p.getByLabel("E-mail").fill(email);
        p.getByLabel("Password").fill(PASSWORD);
        p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    }

    @Test
    void aPersonReadsTheirOwnMonthAndTheirLeadReadsTheTeams() {
        String[] robin = person("Robin Vale", List.of());
        String[] sam = person("Sam Okafor", List.of());
        String[] lee = person("Lee Marsh", List.of("LEAD"));
        TestApi admin = TestApi.at(port).asAdmin();
        String team = admin.post("/api/v1/teams", Map.of("name", PlainNames.unique("Card Payments"),
            "leads", List.of(lee[1]), "members", List.of(robin[1], sam[1], lee[1]))).json("$.id");
        admin.post("/api/v1/teams/" + team + "/rotations", Map.of("name", "Primary", "members",
            List.of(robin[1], sam[1]), "shiftLength", "PT24H", "handoffTime", "09:00", "timeZone", "Europe/Berlin",
            "startsOn", "2026-10-01"));
        // Robin: woken at 03:00 on Saturday the 3rd and 23:30 on Thursday the 15th, paged at 11:00 on Monday the
        // 5th; Sam: 20:00 on Friday the 2nd (Berlin summer time is UTC+2 until the 25th)
        for (String[] incident : new String[][] {{"2026-10-03T01:00:00Z", robin[0]}, {"2026-10-15T21:30:00Z",
            robin[0]}, {"2026-10-05T09:00:00Z", robin[0]}, {"2026-10-02T18:00:00Z", sam[0]}}) {
            var r = admin.send("POST", "/api/v1/events", TestApi.json(Map.of("externalId", "e2e-" + UUID.randomUUID(),
                "status", "resolved", "title", "Checkout slow", "occurredAt", incident[0],
                "responders", List.of(Map.of("email", incident[1], "role", "RESPONDER")))), "application/json");
            org.assertj.core.api.Assertions.assertThat(r.status()).as(r.body()).isLessThan(300);
        }
        TestApi asRobin = TestApi.at(port).basic(robin[0], PASSWORD);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Integer.valueOf(3)
            .equals(asRobin.get("/api/v1/me/oncall?month=2026-10").json("$.load.interruptions")));

        page = browser.newPage();
        signIn(page, robin[0]);
        page.navigate(url("/me"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Your on-call load")).click();
        page.locator("#month").fill("2026-10");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your on-call load")))
            .isVisible();
        assertThat(page.getByText("You were woken 2 times in October 2026. About 2 a month is healthy.")).isVisible();
        assertThat(page.getByText("You were interrupted 3 times in October 2026: 1 in business hours, 0 in off "
            + "hours and 2 in sleep hours.", new Page.GetByTextOptions().setExact(false))).isVisible();
        assertThat(page.locator("#oncall-trend tbody tr").last()).containsText("October 2026");
        assertThat(page.locator("#oncall-trend tbody tr").last().locator("td").last()).hasText("3");
        assertThat(page.locator("[data-chart-for=oncall-trend] canvas")).isVisible();
        // the month field reads at the page's size, and the month links sit on its line
        assertThat(page.getByLabel("Month", new Page.GetByLabelOptions().setExact(true))).hasCSS("font-size", "16px");
        double monthLine = page.getByLabel("Month", new Page.GetByLabelOptions().setExact(true)).boundingBox().y;
        org.assertj.core.api.Assertions.assertThat(page.getByText("Next month").boundingBox().y)
            .isLessThan(monthLine + 40);
        Browser.checkAccessibility(page);
        Browser.screenshot(page, "oncall-me");

        Page leads = browser.newPage();
        page = leads;
        signIn(leads, lee[0]);
        leads.navigate(url("/teams/" + team));
        leads.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("On-call load")).click();
        leads.locator("#month").fill("2026-10");
        leads.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
        assertThat(leads.getByText("The team was interrupted 4 times in October 2026: 1 in business hours, 1 in off "
            + "hours and 2 in sleep hours.")).isVisible();
        assertThat(leads.locator("#oncall-team tbody tr", new Page.LocatorOptions().setHasText("Robin Vale"))
            .locator("td").last()).hasText("3");
        assertThat(leads.getByText("A rotation covering day and night from one site needs at least 8 people, the "
            + "SRE book says; this one has 2.", new Page.GetByTextOptions().setExact(false))).isVisible();
        // Robin 3, Sam 1: the figure, what it means and the line that decides, in words a lead reads once
        assertThat(leads.getByText("The busiest person had 3 interruptions; the median, the middle of the rotation, "
            + "was 2. Aftercare calls the load uneven when the busiest person has more than twice the median (here "
            + "more than 4); this rotation is within that.", new Page.GetByTextOptions().setExact(false)))
            .isVisible();
        assertThat(leads.getByText("against a median of")).hasCount(0);
        assertThat(leads.getByText("spread evenly")).hasCount(0);
        assertThat(leads.locator("[data-chart-for=oncall-team] canvas")).isVisible();
        // the end-of-shift question says plainly that it is not asked yet, and its button does not touch what follows
        assertThat(leads.getByText("Not asked yet. Once you turn it on")).isVisible();
        var ask = leads.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ask the end-of-shift question"));
        org.assertj.core.api.Assertions.assertThat(leads.getByText("Business hours are 08:00").boundingBox().y)
            .isGreaterThanOrEqualTo(ask.boundingBox().y + ask.boundingBox().height + 12);
        Browser.checkAccessibility(leads);
        Browser.screenshot(leads, "oncall-team");

        Page phone = browser.newPage(360, 740);
        page = phone;
        signIn(phone, robin[0]);
        phone.navigate(url("/me/oncall?month=2026-10"));
        assertThat(phone.getByText("You were woken 2 times in October 2026. About 2 a month is healthy.")).isVisible();
        tablesFit(phone);
        Browser.checkAccessibility(phone);
        Browser.screenshot(phone, "oncall-me-phone");
        Page leadPhone = browser.newPage(360, 740);
        page = leadPhone;
        signIn(leadPhone, lee[0]);
        leadPhone.navigate(url("/teams/" + team + "/oncall?month=2026-10"));
        assertThat(leadPhone.getByText("The team was interrupted 4 times in October 2026",
            new Page.GetByTextOptions().setExact(false))).isVisible();
        Browser.checkAccessibility(leadPhone);
        tablesFit(leadPhone);
        Browser.screenshot(leadPhone, "oncall-team-phone");
    }

    /** The tables of counts fit the phone's width: nothing to scroll sideways for. */
    private static void tablesFit(Page phone) {
        Object overflow = phone.evaluate("() => [...document.querySelectorAll('.oncall-table, .oncall-people')]"
            + ".map(t => t.parentElement.scrollWidth - t.parentElement.clientWidth)");
        org.assertj.core.api.Assertions.assertThat((java.util.List<?>) overflow).isNotEmpty().allSatisfy(px ->
            org.assertj.core.api.Assertions.assertThat(((Number) px).intValue()).as("px to scroll").isNotPositive());
    }
}
