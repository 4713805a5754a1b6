package io.aftercare.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.aftercare.directory.People;
import io.aftercare.identity.Role;
import io.aftercare.peersupport.SupportFixtures;
import io.aftercare.peersupport.SupportFixtures.Person;
import io.aftercare.support.AftercareIT;

/**
 * The talk's poll in Chromium: a coordinator starts it for a team, members answer (one on a phone, with nothing
 * chosen in advance and a question skipped), the coordinator closes it and reads "… of … were stressed or very
 * stressed" with the bar charts and the reach-out gap, on a desktop and on a phone.
 */
@AftercareIT
class PollsPathIT extends BrowserTest {

    @Autowired
    People people;

    @Autowired
    JdbcClient jdbc;

    void signIn(Page p, String email) {
        page = p;
        page.navigate(url("/login"));
        page.getByLabel("E-mail").fill(email);
        page.getByLabel("Password").fill(SupportFixtures.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    }

    @Test
    void aCoordinatorRunsTheTalksPollAndReadsItsResults() {
        Person cora = SupportFixtures.person(people, "Cora Poll", null, Role.COORDINATOR);
        List<Person> members = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            members.add(SupportFixtures.person(people, "Poll Member " + i, null));
        }
        var team = SupportFixtures.team(jdbc, "Checkout", null,
            members.stream().map(Person::id).toArray(java.util.UUID[]::new));
        String teamName = jdbc.sql("SELECT name FROM team WHERE id = ?").param(team).query(String.class).single();

        signIn(browser.newPage(), cora.email());
        page.navigate(url("/programme"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Polls")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Start the talk's straw poll")).click();
        assertThat(page.getByText("After an incident, how stressed do you feel?")).isVisible();
        // the form as a coordinator meets it: no error, no team ticked yet
        assertThat(page.locator(".error-summary, .field-error")).hasCount(0);
        assertThat(page.getByLabel(teamName)).not().isChecked();
        Browser.checkAccessibility(page);
        Browser.screenshot(page, "poll-new");
        // "These teams" with none ticked: the form says so inside "Who is asked", and nothing is ticked behind it
        page.getByLabel("These teams").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the poll")).click();
        var whoIsAsked = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Who is asked"));
        assertThat(whoIsAsked.getByText("Choose at least one team, or everyone.")).isVisible();
        assertThat(whoIsAsked).hasAttribute("aria-describedby", "teams-error");
        assertThat(page.getByLabel("These teams")).isChecked();
        assertThat(whoIsAsked.locator("input[type=checkbox]:checked")).hasCount(0);
        Browser.checkAccessibility(page);
        Browser.screenshot(page, "poll-new-error");
        page.getByLabel(teamName).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the poll")).click();
        assertThat(page.getByText("The poll is saved.")).isVisible();
        String poll = page.url().substring(page.url().lastIndexOf('/') + 1);
        Browser.checkAccessibility(page);

        // before the close, the results page says when they appear
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("See the results")).click();
        assertThat(page.getByText("Results appear when the poll closes on")).isVisible();

        // a member answers on a phone: nothing chosen, question 2 skipped
        Page coordinator = page;
        signIn(browser.newPage(360, 780), members.get(0).email());
        page.navigate(url("/polls/" + poll));
        assertThat(page.getByText("Your answers are anonymous.")).isVisible();
        assertThat(page.locator("input:checked")).hasCount(0);
        Browser.checkAccessibility(page);
        // every single-choice question (questions 1, 3 and 4) can be skipped by a choice of its own
        assertThat(page.getByLabel("Skip this question")).hasCount(3);
        for (String q : List.of("q1", "q3", "q4")) {
            assertThat(page.locator("fieldset#" + q).getByLabel("Skip this question")).hasCount(1);
        }
        // on a phone the send bar stays at the foot of the screen while the questions scroll under it ...
        var send = page.locator(".care-send");
        org.assertj.core.api.Assertions.assertThat(send.boundingBox().y + send.boundingBox().height)
            .isCloseTo(780, org.assertj.core.data.Offset.offset(1.0));
        Browser.screenshotScreen(page, "poll-answer-phone");
        // ... and rests below the last question once the form ends
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)");
        var last = page.locator("fieldset#q5");
        org.assertj.core.api.Assertions.assertThat(send.boundingBox().y)
            .isGreaterThan(last.boundingBox().y + last.boundingBox().height);
        assertThat(page.locator("fieldset#q5").getByLabel("Other")).isInViewport();
        page.mouse().move(0, 0); // no choice lit up by a pointer a phone does not have
        Browser.screenshotScreen(page, "poll-answer-phone-end");
        page.locator("fieldset#q1").getByLabel("Very stressed").check();
        page.locator("fieldset#q3").getByLabel("Rarely").check();
        page.locator("fieldset#q4").getByLabel("Often").check();
        page.getByLabel("Exercise").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send my answers")).click();
        assertThat(page.getByText("Thank you. Your answers are counted.")).isVisible();

        // the others through the API: two more stressed, three not
        int[] stress = {4, 5, 1, 2, 3};
        for (int i = 1; i < 6; i++) {
            var r = members.get(i).api(port).post("/api/v1/polls/" + poll + "/answers", Map.of("answers",
                Map.of("1", List.of(stress[i - 1]), "3", List.of(i % 3 + 1), "4", List.of(i % 5 + 1))));
            org.assertj.core.api.Assertions.assertThat(r.status()).as(r.toString()).isEqualTo(204);
        }

        page = coordinator;
        page.navigate(url("/programme/polls/" + poll));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close the poll now")).click();
        assertThat(page.getByText("The poll is closed.")).isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("See the results")).click();
        assertThat(page.getByText("3 of 6 (50.0%) were stressed or very stressed")).isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("The reach-out gap")))
            .isVisible();
        Browser.checkAccessibility(page);
        // poll-results.png shows the demo's poll of 40 engineers instead (DemoCarePathIT): six people are no picture

        signIn(browser.newPage(360, 780), cora.email());
        page.navigate(url("/polls/" + poll + "/results"));
        assertThat(page.getByText("3 of 6 (50.0%) were stressed or very stressed")).isVisible();
        Browser.checkAccessibility(page);
    }
}
