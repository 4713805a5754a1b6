package io.aftercare.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.aftercare.care.CareCases;
import io.aftercare.care.ResolvedIncident;
import io.aftercare.directory.NewPerson;
import io.aftercare.directory.People;
import io.aftercare.identity.Role;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.PlainNames;
import io.aftercare.support.TestApi;

/**
 * A responder's care path in Chromium: an incident they were in resolves, they answer the check-in, then the day-1
 * and day-7 follow-ups, and see on My aftercare how their own answers have moved.
 */
@AftercareIT
@TestPropertySource(properties = {"aftercare.care.check-in-delay=0s", "aftercare.scheduler.polling-interval=200ms"})
class CarePathIT extends BrowserTest {

    static final String PASSWORD = "a calm and long password";

    @Autowired
    People people;

    @Autowired
    CareCases care;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SchedulerClient scheduler;

    @BeforeAll
    void openPage() {
        page = browser.newPage();
    }

    void signIn(String email, String password) {
        page.navigate(url("/login"));
        page.getByLabel("E-mail").fill(email);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    }

    /** The follow-up of that day falls due now (instead of in a day or a week) and shows up as waiting. */
    void followUpDue(UUID personId, int day) {
        UUID step = jdbc.sql("SELECT id FROM care_step WHERE person_id = ? AND kind = 'FOLLOW_UP' AND step_day = ?")
            .params(personId, day).query(UUID.class).single();
        scheduler.reschedule(TaskInstanceId.of("care-step-due", step.toString()), Instant.now());
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT status FROM care_step WHERE id = ?")
            .param(step).query(String.class).single().equals("PENDING"));
    }

    void answer(String item, String choice) {
        page.locator("fieldset").filter(new Locator.FilterOptions().setHasText(item))
            .getByLabel(choice, new Locator.GetByLabelOptions().setExact(true)).check();
    }

    /** "Would you like someone to reach out?" on the thank-you page: "No thanks" changes nothing. */
    void noThanksToTheOffer() {
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
            .setName("Would you like someone to reach out?"))).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("No thanks")).click();
        assertThat(page).hasURL(url("/me"));
        assertThat(page.getByText("That is fine. Nobody is told.", new Page.GetByTextOptions().setExact(false)))
            .isVisible();
    }

    /** A team of the person's, with a lead: so that "A teammate" and "My team lead" have someone to tell. */
    void inATeam(UUID personId, String name) {
        UUID lead = people.create(new NewPerson("Lee Lead", PlainNames.email("Lee Lead", "example.com"),
            "Europe/Berlin", null, null, null, Map.of(), null, Set.of(Role.RESPONDER, Role.LEAD), List.of(), PASSWORD),
            null).id();
        UUID team = UUID.randomUUID();
        String unique = PlainNames.team(jdbc, name);
        jdbc.sql("INSERT INTO team (id, name, name_normalized, created_at) VALUES (?, ?, ?, CURRENT_TIMESTAMP)")
            .params(team, unique, unique.toLowerCase()).update();
        jdbc.sql("INSERT INTO team_member (team_id, person_id, is_lead, joined_at) VALUES (?, ?, TRUE, CURRENT_TIMESTAMP)")
            .params(team, lead).update();
        jdbc.sql("INSERT INTO team_member (team_id, person_id, is_lead, joined_at) VALUES (?, ?, FALSE, CURRENT_TIMESTAMP)")
            .params(team, personId).update();
    }

    @Test
    void aResponderAnswersTheirCheckInAndFollowUpsAndSeesTheirOwnTrend() {
        String email = PlainNames.email("Sam", "example.com");
        UUID sam = people.create(new NewPerson("Sam Rivera", email, "Europe/Berlin", LocalTime.NOON, LocalTime.NOON,
            Set.of(), Map.of(), null, Set.of(Role.RESPONDER), List.of(), PASSWORD), null).id();
        inATeam(sam, "Checkout");
        page = browser.newPage();
        Instant resolved = Instant.now().minus(Duration.ofMinutes(5));
        care.incidentResolved(new ResolvedIncident(UUID.randomUUID(), "the checkout outage", "SEV1",
            resolved.minus(Duration.ofHours(3)), resolved.minus(Duration.ofHours(2)), resolved,
            List.of(new ResolvedIncident.Responder(sam, "COMMANDER", null))));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
            "SELECT COUNT(*) FROM care_step WHERE person_id = ? AND status = 'PENDING'").param(sam)
            .query(Long.class).single() == 1);

        signIn(email, PASSWORD);
        page.navigate(url("/me"));
        assertThat(page.getByText("How are you doing after the checkout outage? Under a minute.")).isVisible();
        Browser.checkAccessibility(page);
        Browser.screenshot(page, "care-01-my-aftercare-waiting");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
            .setName("How are you doing after the checkout outage?"))).isVisible();
        assertThat(page.getByText("Only you can see this.")).isVisible();
        // sending without the one required answer says what is missing, next to it
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
        assertThat(page.locator(".field-error").first()).containsText("Choose how stressed you feel");
        Browser.checkAccessibility(page);
        Browser.screenshot(page, "care-02-check-in-needs-one-answer");
        answer("How stressed do you feel", "Stressed");
        page.getByLabel("Sleeping difficulties").check();
        page.getByLabel("Anxiety about the next incident").check();
        page.getByLabel("A teammate").check();
        page.getByText("Add a note (optional)").click();
        page.getByLabel("Anything you would like to add? (optional)").fill("I keep replaying the rollback.");
        Browser.checkAccessibility(page);
        Browser.screenshot(page, "care-03-check-in");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
        // stressed, with sleeping difficulties: the programme's threshold, so they are asked, never assigned
        assertThat(page.getByText("Thank you. Only you can see your answers.")).isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("What happens next")))
            .isVisible();
        noThanksToTheOffer();

        followUpDue(sam, 1);
        page.navigate(url("/me"));
        assertThat(page.getByText("A short follow-up, day 1, is here whenever you want it.")).isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
            .setName("A short follow-up, day 1"))).isVisible();
        answer("hard to stop thinking", "Very true for me");
        answer("dwelling on what went wrong", "Mostly true");
        answer("made it seem worse", "Mostly true");
        answer("hard on myself", "Somewhat true");
        answer("not good enough", "A little true");
        answer("one mistake means", "Somewhat true");
        answer("think less of me", "Mostly true");
        Browser.checkAccessibility(page);
        Browser.screenshot(page, "care-04-follow-up-day-1");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
        // going over it a lot on day 1 (mean 4.3 of 5) crosses the threshold too
        noThanksToTheOffer();

        followUpDue(sam, 7);
        page.navigate(url("/me"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open")).click();
        answer("hard to stop thinking", "A little true");
        answer("dwelling on what went wrong", "A little true");
        answer("made it seem worse", "Not at all true for me");
        answer("hard on myself", "A little true");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
        assertThat(page).hasURL(url("/me"));

        // two answers make a sentence, with which way is better; two dots are not a chart yet
        assertThat(page.getByText("Going over it has come down since day 1 (lower is better).")).isVisible();
        assertThat(page.locator("figure.trend-chart")).hasCount(0);
        assertThat(page.getByText("Your next follow-up, day 30, comes on")).isVisible();
        assertThat(page.locator("details.case summary")).containsText("the checkout outage");

        followUpDue(sam, 30);
        page.navigate(url("/me"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open")).click();
        answer("hard to stop thinking", "Not at all true for me");
        answer("dwelling on what went wrong", "Not at all true for me");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
        assertThat(page).hasURL(url("/me"));

        // the third answer draws going over it: one small chart, its values as text, nothing drawn for stress
        assertThat(page.getByText("Going over it has come down since day 1 (lower is better).")).isVisible();
        assertThat(page.locator("figure.trend-chart")).hasCount(1);
        assertThat(page.locator("#trend-rumination figcaption")).containsText("lower is better");
        assertThat(page.locator("#trend-rumination circle")).hasCount(3);
        assertThat(page.locator("#trend-rumination-text")).containsText("Day 1");
        assertThat(page.locator("#trend-rumination-text")).containsText("Day 30");
        assertThat(page.getByText("Your next follow-up")).hasCount(0);
        // which way is better, without a stray separator; all three answers fell on one day, so the axis names
        // the follow-up days rather than that one date twice
        assertThat(page.locator("#trend-rumination figcaption .chart-better")).hasText("lower is better");
        assertThat(page.locator("#trend-rumination text.axis")).hasText(new String[] {"Day 1", "Day 30"});
        // being hard on yourself has a sentence but two answers: the page says why it has no chart
        assertThat(page.getByText("Being hard on yourself has no chart yet: a chart starts from your third answer."))
            .isVisible();
        // the sentence under "Stop all check-ins" does not touch the button
        var stop = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stop all check-ins"));
        var below = page.getByText("Your lead does not see whether a check-in is waiting");
        org.assertj.core.api.Assertions.assertThat(below.boundingBox().y)
            .isGreaterThanOrEqualTo(stop.boundingBox().y + stop.boundingBox().height + 12);
        Browser.checkAccessibility(page);
        Browser.screenshot(page, "care-05-my-trend");

        // the coordinator's view of when cases open, in plain words
        Page admin = browser.newPage();
        page.context().close();
        page = admin;
        signIn(TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD);
        page.navigate(url("/programme/rules"));
        assertThat(page.getByText("the incident was SEV3 or more severe,")).isVisible();
        Browser.checkAccessibility(page);
        Browser.screenshot(page, "care-06-trigger-rules");
    }

    /** The smallest height and width of the form's tap targets: choices, buttons, the note's opener. */
    static final String SMALLEST_TARGET = """
        () => {
          const targets = [...document.querySelectorAll('main form label, main form button, main form summary')]
            .filter(e => e.offsetParent !== null && !e.closest('.field-error'));
          return targets.map(e => { const r = e.getBoundingClientRect();
              return { what: e.textContent.trim().slice(0, 30), h: r.height, w: r.width }; })
            .sort((a, b) => Math.min(a.h, a.w) - Math.min(b.h, b.w))[0];
        }""";

    @Test
    void onAPhoneTheCheckInIsThreeTapsAndTheThankYouPageSaysWhatComesNext() {
        String email = PlainNames.email("Ana", "example.com");
        UUID ana = people.create(new NewPerson("Ana Phone", email, "Europe/Berlin", LocalTime.NOON, LocalTime.NOON,
            Set.of(), Map.of(), null, Set.of(Role.RESPONDER), List.of(), PASSWORD), null).id();
        inATeam(ana, "Payments");
        String helpline = PlainNames.unique("Listening line");
        jdbc.sql("""
                INSERT INTO support_resource (id, country, language, kind, name, description, contact, url, created_at)
                VALUES (?, 'United Kingdom', 'English', 'COUNSELLING', ?, 'Free, confidential counselling by phone.',
                        '0800 123 456', 'https://counselling.example', CURRENT_TIMESTAMP)""")
            .params(UUID.randomUUID(), helpline).update();
        Instant resolved = Instant.now().minus(Duration.ofMinutes(5));
        care.incidentResolved(new ResolvedIncident(UUID.randomUUID(), "the payments outage", "SEV2",
            resolved.minus(Duration.ofHours(2)), resolved.minus(Duration.ofMinutes(110)), resolved,
            List.of(new ResolvedIncident.Responder(ana, "RESPONDER", null))));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
            "SELECT COUNT(*) FROM care_step WHERE person_id = ? AND status = 'PENDING'").param(ana)
            .query(Long.class).single() == 1);
        UUID checkIn = jdbc.sql("SELECT id FROM care_step WHERE person_id = ? AND kind = 'CHECK_IN'").param(ana)
            .query(UUID.class).single();

        page = browser.newPage(390, 844);
        signIn(email, PASSWORD);
        page.navigate(url("/check-ins/" + checkIn));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
            .setName("How are you doing after the payments outage?"))).isVisible();

        // nothing is chosen for the person
        assertThat(page.locator("main form input:checked")).hasCount(0);
        // Send is on the screen without scrolling
        Locator send = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send"));
        var box = send.boundingBox();
        org.assertj.core.api.Assertions.assertThat(box.y).as("Send's top").isGreaterThanOrEqualTo(0);
        org.assertj.core.api.Assertions.assertThat(box.y + box.height).as("Send's bottom on a 844 px screen")
            .isLessThanOrEqualTo(844);
        // every tap target is at least 44 px each way
        @SuppressWarnings("unchecked")
        Map<String, Object> smallest = (Map<String, Object>) page.evaluate(SMALLEST_TARGET);
        org.assertj.core.api.Assertions.assertThat(((Number) smallest.get("h")).doubleValue())
            .as("height of %s", smallest.get("what")).isGreaterThanOrEqualTo(44);
        org.assertj.core.api.Assertions.assertThat(((Number) smallest.get("w")).doubleValue())
            .as("width of %s", smallest.get("what")).isGreaterThanOrEqualTo(44);
        // "A teammate" says who would be told
        assertThat(page.getByText("We let one or two people from Payments")).isVisible();
        Browser.checkAccessibility(page);
        page.screenshot(new Page.ScreenshotOptions().setPath(Browser.SCREENSHOTS.resolve("care-07-check-in-on-a-phone.png")));

        // "None of these" and the effects untick each other, in the page
        page.getByLabel("Sleeping difficulties").check();
        page.getByLabel("None of these").check();
        assertThat(page.getByLabel("Sleeping difficulties")).not().isChecked();
        page.getByLabel("Loss of confidence").check();
        assertThat(page.getByLabel("None of these")).not().isChecked();
        page.getByLabel("Loss of confidence").uncheck();

        // the three taps; "stressed" brings professional help onto the thank-you page without being asked (asking
        // for professional resources goes to the resources page instead: CheckInPageIT)
        page.locator("fieldset").filter(new Locator.FilterOptions().setHasText("How stressed do you feel"))
            .getByLabel("Stressed", new Locator.GetByLabelOptions().setExact(true)).check();
        page.getByLabel("None of these").check();
        page.getByLabel("No, thanks").check();
        send.click();

        assertThat(page).hasURL(url("/check-ins/" + checkIn + "/thanks"));
        // the heading names the page and the thanks is said once, in the sentence under it
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Your check-in");
        assertThat(page.getByText("Thank you", new Page.GetByTextOptions().setExact(false))).hasCount(1);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("What happens next")))
            .isVisible();
        java.time.format.DateTimeFormatter date = java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM",
            java.util.Locale.ENGLISH);
        for (int day : List.of(1, 7, 30)) {
            Instant due = jdbc.sql("SELECT due_at FROM care_step WHERE person_id = ? AND kind = 'FOLLOW_UP' AND step_day = ?")
                .params(ana, day).query(java.time.OffsetDateTime.class).single().toInstant();
            assertThat(page.getByText("Day " + day + ": " + date.format(due.atZone(java.time.ZoneId.of("Europe/Berlin")))))
                .isVisible();
        }
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stop these follow-ups")))
            .isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(helpline))).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Talk to someone"))).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Go to My aftercare")))
            .isVisible();
        Browser.checkAccessibility(page);
        Browser.screenshot(page, "care-08-thank-you-on-a-phone");
        page.context().close();
    }
}
