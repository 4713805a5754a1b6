package io.aftercare.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestApi;
import io.aftercare.support.WebSession;

/** The admin pages in a signed-in browser session: add an integration, see its secret once with the set-up steps. */
@AftercareIT
class IntegrationPagesIT {

    @LocalServerPort
    int port;

    @Test
    void addingAnAlertmanagerIntegrationShowsTheSecretOnceAndAReadySnippet() {
        WebSession browser = WebSession.signedIn(port, TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD);
        var list = browser.get("/integrations");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("Add an integration");

        var created = browser.post("/integrations", Map.of("type", "alertmanager", "name", "Prometheus prod"));
        assertThat(created.statusCode()).isEqualTo(302);
        var shown = browser.follow(created);
        assertThat(shown.statusCode()).isEqualTo(200);
        Matcher secret = Pattern.compile("<code class=\"secret\">(ai_[A-Za-z0-9_-]+)</code>").matcher(shown.body());
        assertThat(secret.find()).as("the secret is shown after adding").isTrue();
        assertThat(shown.body()).contains("webhook_configs").contains("send_resolved: true")
            .contains("/webhooks/alertmanager/").contains("Nothing has arrived yet");

        var again = browser.follow(created);
        assertThat(again.body()).as("shown once").doesNotContain(secret.group(1));

        var invalid = browser.post("/integrations", Map.of("type", "alertmanager", "name", ""));
        assertThat(invalid.statusCode()).isEqualTo(200);
        assertThat(invalid.body()).contains("Give the integration a name");

        var unmatched = browser.get("/integrations/unmatched");
        assertThat(unmatched.statusCode()).isEqualTo(200);
        assertThat(unmatched.body()).contains("People to match");
    }

    @Test
    void matchingAnIdentityToSomethingThatIsNotAPersonAsksToChooseOne() {
        WebSession browser = WebSession.signedIn(port, TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD);
        browser.get("/integrations/unmatched");

        var map = browser.post("/integrations/unmatched/" + java.util.UUID.randomUUID(),
            Map.of("personId", "not-a-person"));

        assertThat(map.statusCode()).isEqualTo(302);
        assertThat(browser.follow(map).body()).contains("Choose a person from the list, then Match.");
    }

    @Test
    void aSecretThatCannotBeUsedIsRefusedNextToTheForm() {
        WebSession browser = WebSession.signedIn(port, TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD);
        browser.get("/integrations");
        var created = browser.post("/integrations", Map.of("type", "alertmanager", "name", "Rotated"));
        String page = created.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "");

        var rotated = browser.post(page + "/secret", Map.of("secret", "short"));

        assertThat(rotated.statusCode()).isEqualTo(200);
        assertThat(rotated.body()).contains("That secret cannot be used.");
        var fresh = browser.post(page + "/secret", Map.of());
        assertThat(fresh.statusCode()).isEqualTo(302);
        assertThat(browser.follow(fresh).body()).contains("<code class=\"secret\">ai_");
    }
}
