package io.aftercare.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.aftercare.directory.NewPerson;
import io.aftercare.directory.People;
import io.aftercare.identity.Role;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.PlainNames;

/**
 * A week of journaling, in Chromium: from My aftercare to the recovery tools, the journal's page on why it helps,
 * starting it and writing day 1; two days later (the start moved back in the store: the browser cannot move the
 * clock) day 3's prompt, an answer, a change, and a reminder inside quiet hours; the same on a phone.
 */
@AftercareIT
class JournalPathIT extends BrowserTest {

    static final String PASSWORD = "a calm and long password";

    @Autowired
    People people;

    @Autowired
    JdbcClient jdbc;

    void signIn(Page p, String email) {
        page = p;
        page.navigate(url("/login"));
        page.getByLabel("E-mail").fill(email);
        page.getByLabel("Password").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    }

    /** An entry as listed (its edit box, closed, holds the same words). */
    com.microsoft.playwright.Locator written(String text) {
        return page.locator("p.journal-text", new Page.LocatorOptions().setHasText(text));
    }

    @Test
    void aWeekOfJournaling() {
        String email = PlainNames.email("Jo", "example.com");
        UUID jo = people.create(new NewPerson("Jo Marsh", email, "Europe/Berlin", LocalTime.of(22, 0),
            LocalTime.of(7, 0), Set.of(), Map.of(), null, Set.of(Role.RESPONDER), List.of(), PASSWORD), null).id();
        signIn(browser.newPage(), email);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("All your recovery tools")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Recovery tools")))
            .isVisible();
        Browser.checkAccessibility(page);
        Browser.screenshot(page, "30-recovery-tools");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Start a one-week journal")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
            .setName("Write to yourself for a week"))).isVisible();
        assertThat(page.getByText("Mosewich, A. D., Crocker")).isVisible();
        Browser.checkAccessibility(page);
        Browser.screenshot(page, "31-journal-why");

        // the short questionnaire is offered first, skipping it as easy as answering
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Skip them and start")))
            .isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Answer them, then start")).click();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Skip, go to my journal")))
            .isVisible();
        page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Right now, I am treating myself as "
            + "kindly as I would treat a friend who went through this.")).getByText("Somewhat true").click();
        Browser.checkAccessibility(page);
        Browser.screenshot(page, "35-journal-questionnaire-first");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save my answers")).click();
        assertThat(page.getByText("Here is day 1 of your journal.")).isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Day 1 of 7"))).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).first().click();
        assertThat(page.getByText("Please check the field marked below.")).isVisible();
        assertThat(page.getByText("is required")).isVisible();
        Browser.checkAccessibility(page);
        page.getByLabel("Think of a friend who went through").fill("Dear me, you did what you could at 3 am.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).first().click();
        assertThat(page.getByText("Saved.")).isVisible();
        assertThat(written("Dear me, you did what you could at 3 am.")).isVisible();

        // two days on
        jdbc.sql("UPDATE recovery_journal SET started_on = ? WHERE person_id = ?")
            .params(LocalDate.now(ZoneId.of("Europe/Berlin")).minusDays(2), jo).update();
        page.navigate(url("/me/recovery/journal"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Day 3 of 7"))).isVisible();
        page.getByLabel("Describe what happened, plainly").fill("The deploy broke checkout for twenty minutes. "
            + "We rolled it back.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).first().click();
        assertThat(written("The deploy broke checkout for twenty minutes.")).isVisible();
        page.getByText("Earlier prompts").click();
        // the talk's figure, or the organisation's own poll ("17 of 40 (42.5%) said") when one is closed
        assertThat(page.getByText(java.util.regex.Pattern.compile("42\\.5%\\)? said they were stressed")))
            .isVisible();

        page.getByLabel("Remind me each day").check();
        page.getByLabel("At", new Page.GetByLabelOptions().setExact(true)).fill("23:30");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save reminder")).click();
        assertThat(page.getByText("Your reminder is on.")).isVisible();
        assertThat(page.getByLabel("At", new Page.GetByLabelOptions().setExact(true))).hasValue("23:30");
        // what they wrote reads as separate entries, and the reminder as a part of its own: no two cards touch
        var entries = page.locator("article.journal-entry");
        org.assertj.core.api.Assertions.assertThat(entries.count()).isGreaterThanOrEqualTo(2);
        var first = entries.nth(0).boundingBox();
        var second = entries.nth(1).boundingBox();
        var reminder = page.locator("form.journal-reminder").boundingBox();
        var last = entries.last().boundingBox();
        org.assertj.core.api.Assertions.assertThat(second.y - (first.y + first.height)).isGreaterThanOrEqualTo(8);
        org.assertj.core.api.Assertions.assertThat(reminder.y - (last.y + last.height)).isGreaterThanOrEqualTo(16);
        Browser.checkAccessibility(page);
        Browser.screenshot(page, "32-journal-day-3");

        page.navigate(url("/me"));
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Day 3 of 7 · today's prompt")))
            .isVisible();

        // on a phone
        signIn(browser.newPage(360, 780), email);
        page.navigate(url("/me/recovery/journal"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Day 3 of 7"))).isVisible();
        assertThat(written("Dear me, you did what you could at 3 am.")).isVisible();
        Browser.checkAccessibility(page);
        Browser.screenshot(page, "33-journal-on-a-phone");
        page.navigate(url("/me/recovery"));
        Browser.checkAccessibility(page);
        Browser.screenshot(page, "34-recovery-tools-on-a-phone");
    }
}
