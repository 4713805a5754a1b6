package io.aftercare.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.aftercare.support.AftercareIT;
import io.aftercare.support.PlainNames;
import io.aftercare.support.TestApi;

/**
 * Connecting a tool, in Chromium: an admin adds an Alertmanager integration, copies the secret shown once and the
 * ready snippet, a delivery arrives and shows in the log; then past incidents are imported from a file, first with
 * a bad line (nothing imported, the line named), then fixed.
 */
@AftercareIT
class IntegrationsPathIT extends BrowserTest {

    void signInAsAdmin() {
        page = browser.newPage();
        page.navigate(url("/login"));
        page.getByLabel("E-mail").fill(TestApi.ADMIN_EMAIL);
        page.getByLabel("Password").fill(TestApi.ADMIN_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
    }

    @Test
    void anAdminConnectsAlertmanagerSeesTheDeliveryAndImportsPastIncidents() throws Exception {
        signInAsAdmin();
        page.navigate(url("/integrations"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Integrations").setExact(true))).isVisible();
        page.getByLabel("Tool").selectOption("alertmanager");
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Production Prometheus");
        Browser.checkAccessibility(page);
        Browser.screenshot(page, "intake-01-integrations");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add integration").setExact(true)).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Production Prometheus").setExact(true)))
            .isVisible();
        String secret = page.locator(".notice code.secret").textContent().trim();
        org.assertj.core.api.Assertions.assertThat(secret).startsWith("ai_");
        String webhookUrl = page.locator("dl.facts code.secret").textContent().trim();
        assertThat(page.locator("pre code")).containsText("webhook_configs");
        assertThat(page.locator("pre code")).containsText(webhookUrl);
        assertThat(page.getByText("Nothing has arrived yet")).isVisible();
        Browser.checkAccessibility(page);
        Browser.screenshot(page, "intake-02-alertmanager-set-up");

        page.reload();
        assertThat(page.getByText(secret)).hasCount(0);

        // a group key of its own, so that a second run in this database opens an incident of its own too
        String group = "{}:{alertname=\"" + PlainNames.unique("DiskFull") + "\"}";
        String body = """
            {"version":"4","groupKey":%s,"status":"firing","receiver":"aftercare",
             "groupLabels":{"alertname":"DiskFull"},"commonLabels":{"alertname":"DiskFull","severity":"warning"},
             "commonAnnotations":{"summary":"Disk almost full on db-1"},"externalURL":"http://alertmanager:9093",
             "alerts":[{"status":"firing","labels":{"alertname":"DiskFull"},"annotations":{},
               "startsAt":"2026-01-10T08:00:00Z","endsAt":"0001-01-01T00:00:00Z","fingerprint":"abc"}]}"""
            .formatted(TestApi.json(group));
        HttpResponse<String> delivered = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(webhookUrl
                .replaceFirst("^https?://[^/]+", url(""))))
            .header("Content-Type", "application/json").header("Authorization", "Bearer " + secret)
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        org.assertj.core.api.Assertions.assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(202);

        // stored at once, applied a moment later: the log says "Received, being applied" until then
        org.awaitility.Awaitility.await("delivery applied").atMost(java.time.Duration.ofSeconds(30)).until(() -> {
            page.reload();
            return page.locator("table").textContent().contains("Accepted");
        });
        // the event as Alertmanager names it, marked as the tool's own word
        assertThat(page.locator("table thead")).containsText("Event, as the tool names it");
        assertThat(page.locator("table tbody code").first()).hasText("firing");
        Browser.checkAccessibility(page);
        Browser.screenshot(page, "intake-03-delivery-log");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open incident").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
            .setName("Disk almost full on db-1"))).isVisible();

        page.navigate(url("/integrations"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
            .setName("Import past incidents from a CSV file or a PagerDuty export")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Import past incidents").setExact(true)))
            .isVisible();
        Browser.checkAccessibility(page);
        Browser.screenshot(page, "intake-04-history-upload");

        // external ids of their own in this database ("OLD-1", then "OLD-2-1"...), and a file name as people give it
        String tag = PlainNames.unique("OLD").replace(' ', '-');
        Path folder = Files.createTempDirectory("history");
        Path bad = folder.resolve("past-incidents.csv");
        Files.writeString(bad, "externalId,title,severity,startedAt,resolvedAt\n"
            + tag + "-1,Payments timing out,SEV2,2025-09-03T21:10:00Z,2025-09-03T23:40:00Z\n"
            + tag + "-2,Search slow,SEV4,2025-09-10T10:00:00Z,2025-09-09T11:00:00Z\n");
        page.getByLabel("CSV file").setInputFiles(bad);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import").setExact(true)).click();
        assertThat(page.getByText("One line has a problem, so nothing was imported.")).isVisible();
        assertThat(page.getByText("Line 3: the resolution is before the start.")).isVisible();
        assertThat(page.getByText("Fix this line and upload the file again.", new Page.GetByTextOptions()
            .setExact(false))).isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
            .hasText("Import of past-incidents.csv");
        Browser.checkAccessibility(page);
        Browser.screenshot(page, "intake-05-history-rejected");

        StringBuilder good = new StringBuilder("externalId,title,severity,startedAt,resolvedAt,service\n");
        for (int i = 0; i < 30_000; i++) {
            good.append(tag).append('-').append(i).append(",Past incident ").append(i)
                .append(",SEV").append(1 + i % 5).append(",2025-09-03T21:10:00Z,2025-09-03T23:40:00Z,checkout\n");
        }
        Path fixed = folder.resolve("past-incidents-fixed.csv");
        Files.writeString(fixed, good);
        page.navigate(url("/integrations/history"));
        page.getByLabel("CSV file").setInputFiles(fixed);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import").setExact(true)).click();
        if (page.locator("progress").count() > 0) {
            Browser.checkAccessibility(page);
            Browser.screenshot(page, "intake-06-history-progress");
        }
        assertThat(page.getByText("Imported 30,000 past incidents."))
            .isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(180_000));
        assertThat(page.getByText("no check-ins were sent")).isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
            .hasText("Import of past-incidents-fixed.csv");
        Browser.checkAccessibility(page);
        Browser.screenshot(page, "intake-07-history-done");
        deleteQuietly(bad, fixed, folder);
    }

    static void deleteQuietly(Path... files) {
        for (Path f : files) {
            try {
                Files.deleteIfExists(f);
            } catch (IOException e) {
                // a temporary file
            }
        }
    }
}
