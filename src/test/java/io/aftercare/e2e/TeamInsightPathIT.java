package io.aftercare.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.aftercare.peersupport.SupportFixtures.PASSWORD;
import static io.aftercare.peersupport.SupportFixtures.person;
import static io.aftercare.peersupport.SupportFixtures.team;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.aftercare.directory.People;
import io.aftercare.identity.Role;
import io.aftercare.insights.teams.InsightFixtures;
import io.aftercare.insights.teams.ReleasedMonths;
import io.aftercare.support.AftercareIT;

/**
 * A team's lead reads their team's last released month in Chromium: from the team's page to the dashboard, its
 * sentences and its hidden figures, at desktop and phone width, axe-clean.
 */
@AftercareIT
class TeamInsightPathIT extends BrowserTest {

    @Autowired
    People people;

    @Autowired
    JdbcClient jdbc;

    void signIn(Page p, String email) {
        p.navigate(url("/login"));
        p.getByLabel("E-mail").fill(email);
        p.getByLabel("Password").fill(PASSWORD);
        p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    }

    @Test
    void aLeadReadsTheirTeamsMonth() {
        YearMonth month = ReleasedMonths.latest(Instant.now());
        var lead = person(people, "Lena Payments", null, Role.LEAD);
        UUID payments = team(jdbc, "Payments", lead.id());
        String teamName = jdbc.sql("SELECT name FROM team WHERE id = ?").param(payments).query(String.class).single();
        InsightFixtures care = new InsightFixtures(jdbc);
        Instant working = InsightFixtures.workingHours(month);
        Instant night = working.plus(Duration.ofHours(13));
        int[] stress = {4, 5, 4, 4, 5, 4, 2, 1, 3, 2, 4, 4, 5, 4, 4, 3, 3, 2, 1, 2};
        List<UUID> people = InsightFixtures.ids(20);
        for (int i = 0; i < 20; i++) {
            boolean first = i < 10;
            Instant started = (first ? night : working).plus(Duration.ofMinutes(i));
            Duration outreach = i % 4 < 2 ? Duration.ofHours(5) : i % 4 == 2 ? Duration.ofHours(48) : null;
            care.caseOf(people.get(i), payments, first ? "SEV1" : "SEV2", started, started.plus(Duration.ofHours(2)),
                new InsightFixtures.Answers(stress[i], i < 8 ? List.of("SLEEPING_DIFFICULTIES") : List.of("NONE"),
                    i % 3 + 2, 3, i % 2 + 1, outreach));
        }

        page = browser.newPage();
        signIn(page, lead.email());
        page.navigate(url("/teams/" + payments));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("How the team is doing after incidents"))
            .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
            .setName("How " + teamName + " is doing after incidents"))).isVisible();
        assertThat(page.getByText("After SEV1 incidents, 6 of 10 (60.0%) felt stressed or very stressed."))
            .isVisible();
        assertThat(page.getByText("Not shown beside the breakdown by severity, so that one cannot be subtracted "
            + "from the other.")).isVisible();
        assertThat(page.getByText("Not enough answers to show without identifying anyone").first()).isVisible();
        Browser.checkAccessibility(page);
        Browser.screenshot(page, "insight-team-desktop");

        Page phone = browser.newPage(360, 740);
        page = phone;
        signIn(phone, lead.email());
        phone.navigate(url("/teams/" + payments + "/insight"));
        assertThat(phone.getByText("10 of 20 (50.0%) heard from someone within 24 hours of their case opening."))
            .isVisible();
        Browser.checkAccessibility(phone);
        Browser.screenshot(phone, "insight-team-phone");
    }
}
