package io.aftercare.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
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
import org.springframework.test.context.TestPropertySource;

import com.microsoft.playwright.Download;
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
 * A person's data rights, in Chromium: under Settings → Your data they download everything as one file (their note
 * in it as they wrote it), then erase it; a mistyped e-mail erases nothing and says so next to the field.
 */
@AftercareIT
@TestPropertySource(properties = {"aftercare.care.check-in-delay=0s", "aftercare.scheduler.polling-interval=200ms"})
class DataRightsPathIT extends BrowserTest {

    static final String PASSWORD = "a calm and long password";

    @Autowired
    People people;

    @Autowired
    CareCases care;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPersonDownloadsTheirDataAndThenErasesIt() throws Exception {
        String email = PlainNames.email("Noor Haddad", "example.com");
        UUID robin = people.create(new NewPerson("Noor Haddad", email, "Europe/Berlin", LocalTime.NOON, LocalTime.NOON,
            Set.of(), Map.of(), null, Set.of(Role.RESPONDER), List.of(), PASSWORD), null).id();
        Instant resolved = Instant.now().minus(Duration.ofMinutes(5));
        care.incidentResolved(new ResolvedIncident(UUID.randomUUID(), "the login outage", "SEV2",
            resolved.minus(Duration.ofHours(1)), resolved.minus(Duration.ofMinutes(50)), resolved,
            List.of(new ResolvedIncident.Responder(robin, "RESPONDER", null))));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM care_step WHERE person_id = ? AND status = 'PENDING'")
            .param(robin).query(Long.class).single() == 1);
        UUID step = jdbc.sql("SELECT id FROM care_step WHERE person_id = ? AND kind = 'CHECK_IN'").param(robin)
            .query(UUID.class).single();
        String note = "I could not sleep after the page. " + PlainNames.unique("Tomorrow I will ask Sam to pair");
        TestApi.at(port).basic(email, PASSWORD).post("/api/v1/me/check-ins/" + step,
            Map.of("stress", 3, "effects", List.of("NONE"), "outreach", "NOBODY", "note", note));

        page = browser.newPage();
        page.navigate(url("/login"));
        page.getByLabel("E-mail").fill(email);
        page.getByLabel("Password").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.navigate(url("/settings/notifications"));
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Settings"))
            .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Your data")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your data").setExact(true)))
            .isVisible();
        Browser.checkAccessibility(page);
        Browser.screenshot(page, "data-01-your-data");

        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
            new Page.GetByRoleOptions().setName("Download my data")).click());
        String json = Files.readString(download.path());
        org.assertj.core.api.Assertions.assertThat(json).contains(note).contains(email);

        page.getByLabel("To confirm, type your e-mail address").fill("not-me@example.com");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Erase my data")).click();
        assertThat(page.getByText("That is not your e-mail address. Nothing was erased.")).isVisible();
        assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Settings"))
            .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Your data")))
            .hasAttribute("aria-current", "page");
        Browser.checkAccessibility(page);
        Browser.screenshot(page, "data-02-erase-mistyped");
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("SELECT COUNT(*) FROM person WHERE id = ?").param(robin)
            .query(Long.class).single()).isEqualTo(1);

        page.getByLabel("To confirm, type your e-mail address").fill(email);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Erase my data")).click();
        assertThat(page.getByText("Your data was erased.")).isVisible();
        Browser.screenshot(page, "data-03-erased");
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("SELECT COUNT(*) FROM person WHERE id = ?").param(robin)
            .query(Long.class).single()).isZero();

        page.getByLabel("E-mail").fill(email);
        page.getByLabel("Password").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.getByText("That e-mail and password do not match", new Page.GetByTextOptions()
            .setExact(false))).isVisible();
    }
}
