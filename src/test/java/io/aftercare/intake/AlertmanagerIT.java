package io.aftercare.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.aftercare.directory.NewPerson;
import io.aftercare.directory.People;
import io.aftercare.directory.PersonRef;
import io.aftercare.identity.Role;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestApi;

/**
 * A real Prometheus Alertmanager (Debian's 0.25, {@code apt-get install prometheus-alertmanager}; {@code .ci/run}
 * installs it) receives alerts on its API and delivers them to Aftercare by webhook with a bearer token: firing
 * creates an incident with the team's on-call as responder, resolving resolves it.
 */
@AftercareIT
class AlertmanagerIT {

    static final Path BINARY = Path.of(System.getProperty("aftercare.alertmanager", "/usr/bin/prometheus-alertmanager"));
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    People people;

    @Autowired
    JdbcClient jdbc;

    Process alertmanager;

    @AfterEach
    void stop() throws InterruptedException {
        if (alertmanager != null) {
            alertmanager.destroy();
            if (!alertmanager.waitFor(Duration.ofSeconds(10).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                alertmanager.destroyForcibly();
            }
        }
    }

    @Test
    void firingAlertsBecomeAnIncidentWithTheOnCallAndResolvingResolvesIt() throws Exception {
        assertThat(Files.isExecutable(BINARY))
            .as("This test needs a real Alertmanager at %s. Install it with: sudo apt-get install "
                + "prometheus-alertmanager (or set -Daftercare.alertmanager=<path>)", BINARY)
            .isTrue();
        TestApi api = TestApi.at(port).asAdmin();
        String unique = UUID.randomUUID().toString().substring(0, 8);
        PersonRef ana = people.create(NewPerson.of("Ana " + unique, "ana-" + unique + "@example.test", "UTC",
            Set.of(Role.RESPONDER), "a-password-of-12+"), null);
        String teamName = "payments-" + unique;
        TestApi.Response team = api.post("/api/v1/teams", Map.of("name", teamName, "leads", List.of(),
            "members", List.of(ana.id().toString())));
        assertThat(team.status()).as(team.toString()).isEqualTo(201);
        TestApi.Response rotation = api.post("/api/v1/teams/" + team.json("$.id") + "/rotations", Map.of(
            "name", "Primary", "members", List.of(ana.id().toString()), "shiftLength", "PT168H",
            "handoffTime", "09:00", "timeZone", "UTC", "startsOn", "2026-01-05"));
        assertThat(rotation.status()).as(rotation.toString()).isEqualTo(201);
        TestApi.Response integration = api.post("/api/v1/integrations",
            Map.of("type", "alertmanager", "name", "Prometheus " + unique));
        assertThat(integration.status()).isEqualTo(201);
        String url = "http://127.0.0.1:" + port + "/webhooks/alertmanager/" + integration.json("$.id");

        int amPort = freePort();
        Path dir = Files.createTempDirectory("alertmanager");
        Path config = dir.resolve("alertmanager.yml");
        Files.writeString(config, """
            global:
              resolve_timeout: 1m
            route:
              receiver: aftercare
              group_by: ['alertname']
              group_wait: 1s
              group_interval: 1s
              repeat_interval: 1h
            receivers:
              - name: aftercare
                webhook_configs:
                  - url: %s
                    send_resolved: true
                    http_config:
                      authorization:
                        type: Bearer
                        credentials: %s
            """.formatted(url, (String) integration.json("$.secret")));
        alertmanager = new ProcessBuilder(BINARY.toString(), "--config.file=" + config,
            "--storage.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + amPort,
            "--cluster.listen-address=")
            .redirectErrorStream(true).redirectOutput(new File(dir.toFile(), "alertmanager.log")).start();
        String am = "http://127.0.0.1:" + amPort;
        await("Alertmanager ready").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
            .until(() -> get(am + "/-/ready") == 200);

        String alertname = "CheckoutLatency" + unique;
        Instant startsAt = Instant.now().minus(2, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        String labels = "{\"alertname\":\"%s\",\"team\":\"%s\",\"severity\":\"critical\",\"service\":\"checkout\"}"
            .formatted(alertname, teamName);
        assertThat(post(am + "/api/v2/alerts", """
            [{"labels":%s,"annotations":{"summary":"Checkout p99 above 2s"},"startsAt":"%s",
              "generatorURL":"http://prometheus.example.test/graph"}]""".formatted(labels, startsAt))).isEqualTo(200);

        await("incident created from the firing alert").atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(500)).until(() -> incident(alertname).isPresent());
        UUID id = incident(alertname).orElseThrow();
        TestApi.Response open = api.get("/api/v1/incidents/" + id);
        assertThat((String) open.json("$.title")).isEqualTo("Checkout p99 above 2s");
        assertThat((String) open.json("$.severity")).isEqualTo("SEV1");
        assertThat((String) open.json("$.status")).isEqualTo("TRIGGERED");
        assertThat((String) open.json("$.teamId")).isEqualTo(team.json("$.id"));
        assertThat(Instant.parse(open.json("$.startedAt"))).isEqualTo(startsAt);
        assertThat((List<String>) open.json("$.responders[*].personId")).containsExactly(ana.id().toString());

        Instant endsAt = Instant.now().minus(5, ChronoUnit.SECONDS).truncatedTo(ChronoUnit.SECONDS);
        assertThat(post(am + "/api/v2/alerts", """
            [{"labels":%s,"annotations":{"summary":"Checkout p99 above 2s"},"startsAt":"%s","endsAt":"%s"}]"""
            .formatted(labels, startsAt, endsAt))).isEqualTo(200);
        await("incident resolved by the resolved notification").atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(500))
            .until(() -> "RESOLVED".equals(api.get("/api/v1/incidents/" + id).json("$.status")));
        assertThat(Instant.parse(api.get("/api/v1/incidents/" + id).json("$.resolvedAt"))).isEqualTo(endsAt);
        List<String> outcomes = api.get("/api/v1/integrations/" + integration.json("$.id") + "/deliveries")
            .json("$[*].outcome");
        assertThat(outcomes).contains("ACCEPTED").doesNotContain("REJECTED_SIGNATURE", "INVALID");
    }

    private Optional<UUID> incident(String alertname) {
        return jdbc.sql("SELECT id FROM incident WHERE source = 'alertmanager' AND external_id LIKE ?")
            .param("%" + alertname + "%").query(UUID.class).optional();
    }

    private static int get(String url) throws IOException, InterruptedException {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    private static int post(String url, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.discarding())
            .statusCode();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
