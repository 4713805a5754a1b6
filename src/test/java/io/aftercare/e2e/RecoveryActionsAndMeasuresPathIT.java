package io.aftercare.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.aftercare.directory.NewPerson;
import io.aftercare.directory.People;
import io.aftercare.identity.Role;
import io.aftercare.shared.DbTime;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.PlainNames;
import io.aftercare.support.TestApi;

/**
 * A person's own recovery tools in Chromium: they list what they would fix after an incident, tick two of three off
 * and see "2 of 3 done" on My aftercare; they answer the short self-compassion questionnaire before, a week on and a
 * month on, and read how it has gone; and asking for professional resources in a check-in takes them to the help for
 * where they are. Desktop and 360 px, axe-clean.
 */
@AftercareIT
class RecoveryActionsAndMeasuresPathIT extends BrowserTest {

    static final String PASSWORD = "a calm and long password";

    @Autowired
    People people;

    @Autowired
    JdbcClient jdbc;

    String email;
    UUID personId;

    private void aPersonWithACase() {
        email = PlainNames.email("Robin Reyes", "example.com");
        personId = people.create(new NewPerson("Robin Reyes", email, "Europe/Berlin", LocalTime.NOON, LocalTime.NOON,
            Set.of(), Map.of(), null, Set.of(Role.RESPONDER), List.of(), PASSWORD), null).id();
    }

    private UUID openCase() {
        var opened = TestApi.at(port).basic(email, PASSWORD).post("/api/v1/me/cases", Map.of());
        return UUID.fromString(opened.json("$.checkInId"));
    }

    private void signIn(Page on) {
        on.navigate(url("/login"));
        on.getByLabel("E-mail").fill(email);
        on.getByLabel("Password").fill(PASSWORD);
        on.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    }

    private void addAction(String title, String link) {
        page.getByLabel("What would you fix?").last().fill(title);
        page.locator("#url").fill(link);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add").setExact(true)).click();
        assertThat(page.getByText("Added. Only you can see it.")).isVisible();
    }

    private void tick(String title) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mark as done: " + title)).click();
    }

    private void choose(String statement, String choice) {
        page.locator("fieldset").filter(new Locator.FilterOptions().setHasText(statement))
            .getByLabel(choice, new Locator.GetByLabelOptions().setExact(true)).check();
    }

    private void daysPass(int days) {
        for (var row : jdbc.sql("SELECT id, answered_at FROM recovery_self_compassion WHERE person_id = ?")
                .param(personId).query((rs, n) -> new Object[] {rs.getObject("id", UUID.class),
                    DbTime.instant(rs, "answered_at")}).list()) {
            jdbc.sql("UPDATE recovery_self_compassion SET answered_at = ? WHERE id = ?")
                .params(DbTime.toDb(((Instant) row[1]).minus(Duration.ofDays(days))), row[0]).update();
        }
    }

    @Test
    void theyListWhatTheydFixTickTwoOffAndMyAftercareSaysTwoOfThreeDone() {
        aPersonWithACase();
        openCase();
        page = browser.newPage();
        signIn(page);
        page.navigate(url("/me"));
        page.locator("details.case summary").first().click();
        assertThat(page.locator(".case-tools")).containsText("Nothing listed yet");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("What I'd fix")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("What I'd fix"))).isVisible();
        assertThat(page.getByText("A place to park the worry.", new Page.GetByTextOptions().setExact(false)))
            .isVisible();

        // nothing written: said next to the field, nothing added
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add").setExact(true)).click();
        assertThat(page.locator("#title-error")).hasText("Please write a few words, up to 200 characters.");
        Browser.checkAccessibility(page);

        addAction("Alert on queue depth before it fills", "https://tickets.example/OPS-101");
        addAction("Write down the failover steps", "");
        addAction("Ask for a second pair of eyes on schema changes", "");
        tick("Alert on queue depth before it fills");
        tick("Write down the failover steps");
        assertThat(page.locator(".tally")).hasText("2 of 3 done");
        Browser.checkAccessibility(page);
        Browser.screenshot(page, "50-what-id-fix");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to My aftercare")).click();
        page.locator("details.case summary").first().click();
        assertThat(page.locator(".case-tools")).containsText("2 of 3 done");
        Browser.checkAccessibility(page);

        Page phone = browser.newPage(360, 780);
        page = phone;
        signIn(phone);
        phone.navigate(url("/me"));
        phone.locator("details.case summary").first().click();
        phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("What I'd fix")).click();
        assertThat(phone.locator(".tally")).hasText("2 of 3 done");
        Browser.checkAccessibility(phone);
        Browser.screenshot(phone, "51-what-id-fix-on-a-phone");
    }

    @Test
    void theyAnswerTheQuestionnaireBeforeAWeekOnAndAMonthOnAndReadHowItHasGone() {
        aPersonWithACase();
        openCase();
        page = browser.newPage();
        signIn(page);
        page.navigate(url("/me"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
            .setName("A short questionnaire about how kind you are being to yourself")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Before you start")))
            .isVisible();
        assertThat(page.getByText("This is not a test and not a diagnosis.", new Page.GetByTextOptions()
            .setExact(false))).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save my answers")).click();
        assertThat(page.locator("#items-error")).hasText("Please answer at least one statement, or choose Not now.");
        Browser.checkAccessibility(page);
        Browser.screenshot(page, "52-self-compassion-questionnaire");

        choose("as kindly as I would treat a friend", "A little true");
        choose("judging myself harshly", "Mostly true");
        choose("other engineers have been through", "Somewhat true");
        choose("the only one who gets things like this wrong", "Mostly true");
        choose("without being carried away", "A little true");
        choose("taking over", "Mostly true");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save my answers")).click();
        assertThat(page.getByText("Thank you. Only you can see your answers.")).isVisible();

        daysPass(8);
        page.navigate(url("/me"));
        assertThat(page.getByText("A week since your first answer", new Page.GetByTextOptions().setExact(false)))
            .isVisible();
        page.navigate(url("/me/recovery/measures"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("A week on"))).isVisible();
        choose("as kindly as I would treat a friend", "Mostly true");
        choose("judging myself harshly", "A little true");
        choose("without being carried away", "Somewhat true");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save my answers")).click();
        assertThat(page.getByText("Being kind to yourself has gone up since you started (higher is better)."))
            .isVisible();
        assertThat(page.locator("figure.trend-chart")).hasCount(0);

        daysPass(23);
        page.navigate(url("/me/recovery/measures"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("A month on"))).isVisible();
        choose("as kindly as I would treat a friend", "Very true for me");
        choose("judging myself harshly", "Not at all true for me");
        choose("without being carried away", "Mostly true");
        choose("taking over", "A little true");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save my answers")).click();
        assertThat(page.locator("figure.trend-chart")).hasCount(2);
        assertThat(page.locator("#measure-kindness figcaption")).containsText("higher is better");
        assertThat(page.locator("#measure-kindness circle")).hasCount(3);
        assertThat(page.locator("#measure-kindness-text")).containsText("Before");
        assertThat(page.getByText("Keeping it in proportion has gone up since you started (higher is better)."))
            .isVisible();
        Browser.checkAccessibility(page);
        Browser.screenshot(page, "53-self-compassion-how-it-has-gone");

        Page phone = browser.newPage(360, 780);
        page = phone;
        signIn(phone);
        phone.navigate(url("/me/recovery/measures"));
        assertThat(phone.locator("figure.trend-chart")).hasCount(2);
        Browser.checkAccessibility(phone);
        Browser.screenshot(phone, "54-self-compassion-on-a-phone");
    }

    @Test
    void askingForProfessionalResourcesTakesThemToTheHelpForWhereTheyAre() {
        String local = PlainNames.unique("Samaritans");
        String elsewhere = PlainNames.unique("Telefonseelsorge");
        jdbc.sql("""
                INSERT INTO support_resource (id, country, language, kind, name, description, contact, url, created_at)
                VALUES (?, 'GB', 'en', 'CRISIS', ?, 'Someone to talk to, any time.', '116 123', '', ?),
                       (?, 'Germany', 'de', 'CRISIS', ?, '', '0800 111 0 111', '', ?)""")
            .params(UUID.randomUUID(), local, DbTime.toDb(Instant.now()), UUID.randomUUID(), elsewhere,
                DbTime.toDb(Instant.now()))
            .update();
        aPersonWithACase();
        UUID checkIn = openCase();
        page = browser.newPage();
        signIn(page);
        page.navigate(url("/check-ins/" + checkIn));
        choose("How stressed do you feel", "Slightly");
        page.getByLabel("Professional resources", new Page.GetByLabelOptions().setExact(true)).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();

        assertThat(page).hasURL(url("/resources?for=me"));
        assertThat(page.getByText("Thank you. Only you can see your answers.")).isVisible();
        assertThat(page.getByText("You asked for professional help. Here is who you can reach where you are."))
            .isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(local))).isVisible();
        assertThat(page.getByText(elsewhere)).hasCount(0);
        // stored as "GB" and "en", read as names
        assertThat(page.locator("li.resource", new Page.LocatorOptions().setHasText(local)))
            .containsText("Crisis lines · United Kingdom · English");
        Browser.checkAccessibility(page);
        Browser.screenshot(page, "55-resources-after-asking");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("What happens next with your check-in"))
            .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("What happens next")))
            .isVisible();
    }
}
