package io.aftercare.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestApi;

/**
 * A real scrape of {@code /actuator/prometheus}: Prometheus' {@code promtool check metrics} accepts it, every metric
 * the alert rules and the dashboard in {@code deploy/observability/} name is in it, and the health groups the
 * Kubernetes probes use answer.
 */
@AftercareIT
class PrometheusScrapeIT {

    /** Micrometer's names that promtool's lint questions (abbreviated units, a gauge ending in _count). */
    static final Set<String> MICROMETERS_OWN = Set.of("jvm_compilation_time_ms_total", "process_cpu_time_ns_total",
        "system_cpu_count");

    @LocalServerPort
    int port;

    @Test
    void theScrapePassesPromtoolAndHoldsEveryMetricTheRulesAndDashboardUse() throws Exception {
        TestApi admin = TestApi.at(port).asAdmin();
        // one accepted and one refused delivery, so that the intake counter has series to show
        TestApi.Response integration = admin.post("/api/v1/integrations",
            Map.of("type", "generic", "name", "Scrape " + UUID.randomUUID().toString().substring(0, 8)));
        assertThat(integration.status()).as(integration.toString()).isEqualTo(201);
        String path = "/webhooks/generic/" + integration.json("$.id");
        String event = "{\"externalId\":\"scrape-" + UUID.randomUUID() + "\",\"status\":\"triggered\","
            + "\"title\":\"Queue backlog\",\"occurredAt\":\"2026-03-02T07:00:00Z\",\"responders\":[]}";
        assertThat(TestApi.at(port).bearer(integration.json("$.secret")).post(path, event).status()).isEqualTo(202);
        assertThat(TestApi.at(port).bearer("not-the-secret").post(path, event).status()).isEqualTo(401);

        TestApi.Response scrape = admin.getText("/actuator/prometheus");
        assertThat(scrape.status()).isEqualTo(200);
        await("the delivery's commit counted").atMost(Duration.ofSeconds(30))
            .until(() -> admin.getText("/actuator/prometheus").body().contains("aftercare_intake_stored_batch_count"));
        String metrics = admin.getText("/actuator/prometheus").body();

        // exit 1: the scrape is not valid exposition format; exit 3: lint problems, listed one a line. Accepted: a
        // meter registered without a description (Micrometer then sends an empty HELP), and the names of three of
        // Micrometer's own JVM and system meters, which Aftercare does not choose. Anything else fails.
        Promtool.Run check = Promtool.run(Path.of("."), metrics, "check", "metrics");
        assertThat(check.exit()).as(check.output()).isIn(0, 3);
        List<String> problems = check.output().lines().filter(line -> !line.isBlank())
            .filter(line -> !line.endsWith(" no help text"))
            .filter(line -> !MICROMETERS_OWN.contains(line.substring(0, line.indexOf(' ') < 0 ? 0 : line.indexOf(' '))))
            .toList();
        assertThat(problems).as("promtool check metrics").isEmpty();

        Set<String> missing = new TreeSet<>();
        for (String name : ObservabilityFilesTest.metricsUsed()) {
            if (!metrics.contains("\n" + name + "{") && !metrics.contains("\n" + name + " ")) {
                missing.add(name);
            }
        }
        assertThat(missing).as("metrics named in deploy/observability/ but not exposed by Aftercare").isEmpty();
        assertThat(metrics).contains("aftercare_intake_deliveries_total{outcome=\"QUEUED\",source=\"generic\"}",
            "aftercare_intake_rejected_total{source=\"generic\"}");
    }

    /** Every metric of care, notify, outbound webhooks and the event registry, after an incident opened cases. */
    static final List<String> OPERATIONS = List.of("aftercare_care_cases_opened_total",
        "aftercare_care_steps_lag_seconds", "aftercare_notify_outbox_overdue{channel=\"EMAIL\"}",
        "aftercare_notify_outbox_overdue{channel=\"SLACK\"}", "aftercare_notify_outbox_overdue{channel=\"WEBHOOK\"}",
        "aftercare_notify_outbox_oldest_overdue_seconds", "aftercare_notify_dead_letters_waiting{channel=\"EMAIL\"}",
        "aftercare_notify_retries_total{channel=\"EMAIL\"}", "aftercare_notify_dead_letters_total{channel=\"EMAIL\"}",
        "aftercare_webhooks_deliveries_total{outcome=\"sent\"}",
        "aftercare_webhooks_deliveries_total{outcome=\"failed\"}", "aftercare_events_stale",
        "aftercare_events_stale_oldest_seconds");

    @Test
    void afterAnIncidentOpensCasesTheScrapeHoldsCareNotifyWebhookAndEventMetricsWithNoPersonInThem() {
        TestApi admin = TestApi.at(port).asAdmin();
        List<Map<String, String>> responders = new java.util.ArrayList<>();
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            var person = admin.post("/api/v1/people", Map.of("name", "Scraped Responder " + i,
                "email", "scraped-" + i + "-" + UUID.randomUUID() + "@metrics.test", "timeZone", "UTC",
                "password", "scraped-password-123"));
            assertThat(person.status()).as(person.toString()).isEqualTo(201);
            ids.add(person.json("$.id"));
            responders.add(Map.of("personId", person.json("$.id"), "role", "RESPONDER"));
        }
        var incident = admin.post("/api/v1/incidents", Map.of("title", "Scraped " + UUID.randomUUID(),
            "severity", "SEV2", "responders", responders));
        assertThat(incident.status()).as(incident.toString()).isEqualTo(201);
        double before = casesOpened(admin.getText("/actuator/prometheus").body());
        assertThat(admin.post("/api/v1/incidents/" + incident.json("$.id") + "/resolve", "{}").status())
            .isEqualTo(200);
        await("the cases counted").atMost(Duration.ofSeconds(30))
            .until(() -> casesOpened(admin.getText("/actuator/prometheus").body()) >= before + 2);

        String metrics = admin.getText("/actuator/prometheus").body();
        for (String name : OPERATIONS) {
            assertThat(metrics).as(name).containsPattern("(?m)^" + java.util.regex.Pattern.quote(name) + "[{ ]");
        }
        List<String> ours = metrics.lines().filter(line -> line.startsWith("aftercare_")).toList();
        for (String id : ids) {
            assertThat(ours).as("no person in a metric").noneMatch(line -> line.contains(id));
        }
        assertThat(ours).noneMatch(line -> line.contains("Scraped"));
    }

    static double casesOpened(String metrics) {
        return metrics.lines().filter(line -> line.startsWith("aftercare_care_cases_opened_total "))
            .mapToDouble(line -> Double.parseDouble(line.substring(line.indexOf(' ') + 1))).findFirst().orElse(0);
    }

    @Test
    void theProbesTheDeploymentUsesAnswer() {
        TestApi anyone = TestApi.at(port).anonymous();
        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            TestApi.Response answer = anyone.get(probe);
            assertThat(answer.status()).as(probe).isEqualTo(200);
            assertThat(answer.<String>json("$.status")).as(probe).isEqualTo("UP");
        }
    }
}
