package io.aftercare.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

import io.aftercare.support.AftercareIT;
import io.aftercare.support.PlainNames;
import io.aftercare.support.TestApi;

/**
 * A person's batting average and a plan for their next shift, in Chromium: from My aftercare's cards to each page,
 * what they read there, at desktop and phone width, axe-clean; the plan shared with their lead, who is told and
 * reads it on the team's shared plans.
 */
@AftercareIT
class RecoveryBattingAndPlansPathIT extends BrowserTest {

    static final String PASSWORD = "a calm and long password";

    String person(String name) {
        String email = PlainNames.email(name, "example.com");
        var r = TestApi.at(port).asAdmin().post("/api/v1/people", new HashMap<>(Map.of("name", name, "email", email,
            "password", PASSWORD)));
        org.assertj.core.api.Assertions.assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return email + " " + r.json("$.id");
    }

    @Test
    void aPersonReadsTheirBattingAverageAndPlansTheirNextShift() {
        String[] robin = person("Robin Vale").split(" ");
        String[] sam = person("Sam Okafor").split(" ");
        String[] lee = person("Lee Park").split(" ");
        TestApi admin = TestApi.at(port).asAdmin();
        String teamName = PlainNames.unique("Storefront");
        String team = admin.post("/api/v1/teams", Map.of("name", teamName, "leads", List.of(lee[1]),
            "members", List.of(robin[1], sam[1]))).json("$.id");
        // weekly turns from ten days ago: Robin's first is over, Sam is on now, Robin is next in four days
        LocalDate startsOn = LocalDate.now(ZoneId.of("Europe/Berlin")).minusDays(10);
        admin.post("/api/v1/teams/" + team + "/rotations", Map.of("name", "Primary", "members",
            List.of(robin[1], sam[1]), "shiftLength", "PT168H", "handoffTime", "09:00", "timeZone", "Europe/Berlin",
            "startsOn", startsOn.toString()));
        Instant now = Instant.now();
        for (int days : new int[] {400, 2}) {
            admin.send("POST", "/api/v1/events", TestApi.json(Map.of("externalId", "e2e-" + UUID.randomUUID(),
                "status", "resolved", "title", "Checkout slow", "service", "checkout",
                "occurredAt", now.minus(Duration.ofDays(days)).toString(),
                "responders", List.of(Map.of("email", robin[0], "role", "RESPONDER")))), "application/json");
        }
        for (int i = 0; i < 120; i++) {
            admin.send("POST", "/api/v1/events", TestApi.json(Map.of("type", "deploy", "id", "e2e-" + UUID.randomUUID(),
                "service", "checkout", "team", teamName, "at", now.minus(Duration.ofDays(1 + i)).toString())),
                "application/json");
        }

        TestApi asRobin = TestApi.at(port).basic(robin[0], PASSWORD);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
            Integer.valueOf(2).equals(asRobin.get("/api/v1/me/batting-average").json("$.incidentsInAll")));

        page = browser.newPage();
        page.navigate(url("/login"));
        page.getByLabel("E-mail").fill(robin[0]);
        page.getByLabel("Password").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

        page.navigate(url("/me"));
        assertThat(page.getByText("1 incident in 120 changes this year.")).isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Your batting average")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your batting average")))
            .isVisible();
        assertThat(page.getByText("1 incident in 120 changes shipped where you work this year.")).isVisible();
        assertThat(page.getByText("You were on call for one shift in the last 12 months.")).isVisible();
        assertThat(page.getByText("Since Aftercare has known you, you were in 2 incidents, one of them in the last "
            + "12 months.")).isVisible();
        Browser.checkAccessibility(page);
        Browser.screenshot(page, "40-batting-average");

        page.navigate(url("/me"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Plan your next shift")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Back on the horse")))
            .isVisible();
        Locator first = page.locator("li.card").first();
        first.getByLabel("Pair with someone").check();
        first.getByLabel("Who with (optional)").selectOption(new SelectOption().setLabel("Sam Okafor"));
        first.getByLabel("Share this plan with the leads of " + teamName).check();
        first.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save the plan")).click();
        assertThat(page.getByText("Your plan is saved.")).isVisible();
        assertThat(page.getByText("You plan to pair with Sam Okafor on this shift.")).isVisible();
        assertThat(page.getByText("Shared with the leads of " + teamName + ".")).isVisible();
        Browser.checkAccessibility(page);
        Browser.screenshot(page, "42-plan-next-shift");

        Page phone = browser.newPage(360, 740);
        page = phone;
        phone.navigate(url("/login"));
        phone.getByLabel("E-mail").fill(robin[0]);
        phone.getByLabel("Password").fill(PASSWORD);
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        phone.navigate(url("/me/recovery/batting-average"));
        assertThat(phone.getByText("1 incident in 120 changes shipped where you work this year.")).isVisible();
        Browser.checkAccessibility(phone);
        Browser.screenshot(phone, "41-batting-average-phone");
        phone.navigate(url("/me/recovery/plans"));
        assertThat(phone.getByText("You plan to pair with Sam Okafor on this shift.")).isVisible();
        Browser.checkAccessibility(phone);
        Browser.screenshot(phone, "43-plan-next-shift-phone");

        // the lead: told that a plan was shared, and reads only the plan on the team's shared plans
        Page lead = browser.newPage();
        page = lead;
        lead.navigate(url("/login"));
        lead.getByLabel("E-mail").fill(lee[0]);
        lead.getByLabel("Password").fill(PASSWORD);
        lead.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> TestApi.at(port)
            .basic(lee[0], PASSWORD).get("/api/v1/me/inbox").body().contains("was shared with you"));
        lead.navigate(url("/inbox"));
        assertThat(lead.getByText("A plan for a coming on-call shift was shared with you")).isVisible();
        lead.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open").setExact(true)).first().click();
        assertThat(lead.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
            .setName("Plans shared with you in " + teamName))).isVisible();
        assertThat(lead.getByText("Robin Vale plans to pair with Sam Okafor on this shift.")).isVisible();
        Browser.checkAccessibility(lead);
        Browser.screenshot(lead, "44-shared-plans");
        Page leadPhone = browser.newPage(360, 740);
        page = leadPhone;
        leadPhone.navigate(url("/login"));
        leadPhone.getByLabel("E-mail").fill(lee[0]);
        leadPhone.getByLabel("Password").fill(PASSWORD);
        leadPhone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        leadPhone.navigate(url("/teams/" + team + "/plans"));
        assertThat(leadPhone.getByText("Robin Vale plans to pair with Sam Okafor on this shift.")).isVisible();
        Browser.checkAccessibility(leadPhone);
        Browser.screenshot(leadPhone, "45-shared-plans-phone");
    }
}
