package io.aftercare.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.aftercare.care.CareCases;
import io.aftercare.care.ResolvedIncident;
import io.aftercare.directory.NewPerson;
import io.aftercare.directory.People;
import io.aftercare.identity.Role;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.LoopbackReceiver;
import io.aftercare.support.PlainNames;
import io.aftercare.support.TestApi;

/**
 * Reaching people, in Chromium: a check-in waits in the person's inbox; they choose how Aftercare reaches them;
 * the e-mail that could not go (the SMTP port here is closed) is a dead letter that an admin sees and retries. An
 * admin adds an outbound webhook, sees its secret once, and its delivery log after a case opened.
 */
@AftercareIT
@TestPropertySource(properties = {"aftercare.care.check-in-delay=0s", "aftercare.scheduler.polling-interval=200ms",
    "aftercare.notify.poll-interval=200ms", "aftercare.notify.max-attempts=1", "spring.mail.host=127.0.0.1",
    "spring.mail.properties.mail.smtp.connectiontimeout=1000", "aftercare.notify.webhooks.require-https=false",
    "aftercare.notify.webhooks.allow-private-addresses=true"})
class NotifyPathIT extends BrowserTest {

    static final String PASSWORD = "a calm and long password";
    static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);
    static final int CLOSED_PORT = closedPort();

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> CLOSED_PORT);
    }

    @Autowired
    People people;

    @Autowired
    CareCases care;

    @Autowired
    JdbcClient jdbc;

    LoopbackReceiver receiver;

    @BeforeAll
    void startReceiver() throws IOException {
        receiver = LoopbackReceiver.start();
    }

    @AfterAll
    void stopReceiver() {
        receiver.close();
    }

    void signIn(String email, String password) {
        page = browser.newPage();
        page.navigate(url("/login"));
        page.getByLabel("E-mail").fill(email);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    }

    @Test
    void aPersonFindsTheCheckInInTheirInboxSetsTheirPreferencesAndAnAdminRetriesTheDeadLetter() {
        String email = PlainNames.email("Ada", "example.com");
        UUID ada = people.create(new NewPerson("Ada Brook", email, "Europe/Berlin", LocalTime.NOON, LocalTime.NOON,
            Set.of(), Map.of(), null, Set.of(Role.RESPONDER), List.of(), PASSWORD), null).id();
        Instant resolved = Instant.now().minus(Duration.ofMinutes(5));
        care.incidentResolved(new ResolvedIncident(UUID.randomUUID(), "the search outage", "SEV2",
            resolved.minus(Duration.ofHours(1)), resolved.minus(Duration.ofMinutes(50)), resolved,
            List.of(new ResolvedIncident.Responder(ada, "RESPONDER", null))));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM notify_message WHERE person_id = ? AND channel = 'EMAIL' AND status = 'DEAD'")
            .param(ada).query(Long.class).single() == 1);

        Instant firstTry = jdbc.sql("SELECT last_attempt_at FROM notify_message WHERE person_id = ? AND channel = 'EMAIL'")
            .param(ada).query(java.time.OffsetDateTime.class).single().toInstant();

        signIn(email, PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Inbox")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
            .setName("How are you doing after the incident?"))).isVisible();
        Browser.checkAccessibility(page);
        Browser.screenshot(page, "notify-01-inbox");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
            .setName("Choose how and when Aftercare reaches you")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
            .setName("How Aftercare reaches you"))).isVisible();
        page.getByLabel("First choice").selectOption("");
        page.getByLabel("From", EXACT).fill("21:30");
        page.getByLabel("Until", EXACT).fill("07:30");
        page.getByLabel("Saturday").check();
        page.getByLabel("Sunday").check();
        page.getByLabel("Pause all messages until").fill("2030-01-31");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.getByText("Saved.")).isVisible();
        assertThat(page.getByLabel("From", EXACT)).hasValue("21:30");
        assertThat(page.getByLabel("Saturday")).isChecked();
        assertThat(page.getByLabel("Pause all messages until")).hasValue("2030-01-31");
        assertThat(page.getByLabel("First choice")).hasValue("");
        Browser.checkAccessibility(page);
        Browser.screenshot(page, "notify-02-preferences");

        // Settings in the main navigation opens these preferences; the settings tabs lead to API tokens and back
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
            .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Settings").setExact(true)).click();
        assertThat(page).hasURL(url("/settings/notifications"));
        Locator tabs = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Settings"));
        assertThat(tabs.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("How Aftercare reaches you")))
            .hasAttribute("aria-current", "page");
        tabs.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("API tokens")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("API tokens"))).isVisible();
        Browser.checkAccessibility(page);
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Settings"))
            .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("How Aftercare reaches you")).click();
        assertThat(page.getByLabel("From", EXACT)).hasValue("21:30");

        signIn(TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD);
        page.navigate(url("/admin/dead-letters"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
            .setName("Messages that could not be delivered"))).isVisible();
        assertThat(page.getByText(email)).isVisible();
        // the channel in words, not its stored name
        var letter = page.locator("tr", new Page.LocatorOptions().setHasText(email));
        assertThat(letter.locator("td").nth(1)).hasText("E-mail");
        Browser.checkAccessibility(page);
        Browser.screenshot(page, "notify-03-dead-letters");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Try again")).first().click();
        assertThat(page.getByText("It will be tried again shortly.")).isVisible();
        // tried once more (a later try than the first), and with the SMTP port still closed, a dead letter again
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT last_attempt_at FROM notify_message WHERE person_id = ? AND channel = 'EMAIL' "
                    + "AND status = 'DEAD'")
            .param(ada).query(java.time.OffsetDateTime.class).optional()
            .map(t -> t.toInstant().isAfter(firstTry)).orElse(false));

        // the audit log names whom the message was for and how, as the dead-letter page does
        page.navigate(url("/admin/audit?action=notify.dead-letter.retry"));
        var retried = page.locator("tbody tr").first();
        assertThat(retried.locator("td").nth(2)).hasText("Failed message sent again");
        assertThat(retried.locator("td").nth(3)).hasText("Message to Ada Brook (E-mail)");
    }

    @Test
    void anAdminAddsAWebhookSeesTheSecretOnceAndItsDeliveryLog() {
        signIn(TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Webhooks")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Outbound webhooks")))
            .isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add subscription")).click();
        assertThat(page.getByText("Some fields need a second look.")).isVisible();
        assertThat(page.getByText("Choose at least one event.")).isVisible();
        assertThat(page.getByText("Please enter the address Aftercare should send events to.")).isVisible();
        Browser.checkAccessibility(page);
        page.navigate(url("/admin/webhooks"));
        page.getByLabel("Name", EXACT).fill("Coordinators' dashboard");
        page.getByLabel("URL", EXACT).fill(receiver.url("/dashboard"));
        page.getByLabel("A care case was opened").check();
        // the one event a subscription can have: nothing whose existence follows from someone's answer or choice
        assertThat(page.getByLabel("A care case was closed")).hasCount(0);
        Browser.screenshot(page, "notify-04-webhooks");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add subscription")).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Coordinators' dashboard")))
            .isVisible();
        assertThat(page.getByText("Copy it now. It will not be shown again.")).isVisible();
        String secret = page.locator("code.secret").first().textContent();
        org.assertj.core.api.Assertions.assertThat(secret).startsWith("whsec_");
        assertThat(page.getByText("Nothing sent yet.")).isVisible();
        Browser.checkAccessibility(page);
        Browser.screenshot(page, "notify-05-webhook-secret");

        UUID sam = people.create(new NewPerson("Sam Reed", PlainNames.email("Sam Reed", "example.com"), "UTC",
            LocalTime.NOON, LocalTime.NOON, Set.of(), Map.of(), null, Set.of(Role.RESPONDER), List.of(), PASSWORD),
            null).id();
        Instant resolved = Instant.now().minus(Duration.ofMinutes(5));
        care.incidentResolved(new ResolvedIncident(UUID.randomUUID(), "the billing outage", "SEV2",
            resolved.minus(Duration.ofHours(1)), resolved.minus(Duration.ofMinutes(50)), resolved,
            List.of(new ResolvedIncident.Responder(sam, "RESPONDER", null))));
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received("/dashboard").size() == 1);
        org.assertj.core.api.Assertions.assertThat(receiver.received("/dashboard").get(0).body())
            .contains("case.opened").doesNotContain("Sam", sam.toString(), "billing");
        // the receiver records before it answers; the log line is written when the answer is back
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
            "SELECT COUNT(*) FROM notify_webhook_attempt WHERE outcome = 'DELIVERED'").query(Long.class).single() == 1);

        page.reload();
        assertThat(page.getByText("Copy it now. It will not be shown again.")).not().isVisible();
        org.assertj.core.api.Assertions.assertThat(page.content()).doesNotContain(secret);
        assertThat(page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName("200"))).isVisible();
        assertThat(page.getByText("Delivered", new Page.GetByTextOptions().setExact(true))).isVisible();
        Browser.checkAccessibility(page);
        Browser.screenshot(page, "notify-06-webhook-log");

        // the subscription is in the audit log, and the admin can check that no entry was changed or removed
        page.navigate(url("/admin/audit"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Audit log"))).isVisible();
        // what happened in words, the webhook by its name, its events as the webhooks page names them
        var created = page.locator("tr", new Page.LocatorOptions().setHasText("Webhook created"));
        assertThat(created.locator("td").nth(3)).hasText("Coordinators' dashboard");
        assertThat(created.locator("td").nth(4)).hasText("Sends: A care case was opened");
        String table = page.locator("table").innerText();
        org.assertj.core.api.Assertions.assertThat(table)
            .doesNotContain("notify.", "case.opened")
            .doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-");
        assertThat(page.getByLabel("What")
                .locator("option", new Locator.LocatorOptions().setHasText("Webhook created")))
            .hasAttribute("value", "notify.webhook.created");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check the chain")).click();
        assertThat(page.getByText("are as they were written, and none is missing.")).isVisible();
        Browser.checkAccessibility(page);
        Browser.screenshot(page, "notify-07-audit-log");
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
