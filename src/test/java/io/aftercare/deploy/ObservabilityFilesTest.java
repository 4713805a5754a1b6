package io.aftercare.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The alert rules and the Grafana dashboard in {@code deploy/observability/}: the rules pass {@code promtool check
 * rules} and fire as their unit tests say ({@code promtool test rules}); the dashboard is one Grafana can import.
 * That every metric they name exists is {@link PrometheusScrapeIT}'s part.
 */
class ObservabilityFilesTest {

    static final Path DIR = Path.of("deploy/observability");
    static final Path RULES = DIR.resolve("aftercare-alerts.yml");
    static final Path DASHBOARD = DIR.resolve("aftercare-dashboard.json");

    /** The metric names (as Prometheus shows them) the rules and the dashboard use. */
    static final Pattern METRIC = Pattern.compile(
        "\\b((?:aftercare|hikaricp|http_server|jvm|process|system|tomcat|application|executor|logback)_[a-zA-Z0-9_]+)");

    @Test
    void alertRulesPassPromtool() throws Exception {
        Promtool.Run check = Promtool.run(DIR, null, "check", "rules", RULES.getFileName().toString());
        assertThat(check.exit()).as(check.output()).isZero();
        assertThat(check.output()).contains("SUCCESS: 9 rules found");
    }

    @Test
    void alertsFireWhenTheirUnitTestsSayTheyShould() throws Exception {
        Promtool.Run test = Promtool.run(DIR, null, "test", "rules", "aftercare-alerts.test.yml");
        assertThat(test.exit()).as(test.output()).isZero();
        assertThat(test.output()).contains("SUCCESS");
    }

    @Test
    void theIssuesAlertsAreThere() throws IOException {
        String rules = Files.readString(RULES);
        assertThat(rules).contains("alert: AftercareDatabaseUnreachable", "alert: AftercareIntakeStuck",
            "alert: AftercareIntakeRefusals", "alert: AftercareInstanceDown");
    }

    @Test
    void dashboardIsOneGrafanaCanImport() throws IOException {
        JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(DASHBOARD));
        assertThat(dashboard.get("title").asString()).isEqualTo("Aftercare");
        assertThat(dashboard.get("uid").asString()).isEqualTo("aftercare");
        Set<Integer> ids = new HashSet<>();
        int targets = 0;
        for (JsonNode panel : dashboard.get("panels")) {
            assertThat(ids.add(panel.get("id").asInt())).as("panel ids are unique").isTrue();
            assertThat(panel.at("/datasource/uid").asString()).isEqualTo("${datasource}");
            assertThat(panel.get("gridPos").has("w")).isTrue();
            for (JsonNode target : panel.get("targets")) {
                String expr = target.get("expr").asString();
                assertThat(expr).as(panel.get("title").asString()).isNotBlank();
                // what a panel may never show: anything about one person
                assertThat(expr + target.path("legendFormat").asString()).doesNotContainIgnoringCase("person")
                    .doesNotContainIgnoringCase("email").doesNotContainIgnoringCase("user");
                targets++;
            }
        }
        assertThat(targets).isGreaterThanOrEqualTo(10);
        assertThat(dashboard.at("/templating/list/0/type").asString()).isEqualTo("datasource");
    }

    /** Every metric name in the rules and the dashboard (used by {@link PrometheusScrapeIT}). */
    static Set<String> metricsUsed() throws IOException {
        List<String> texts = new ArrayList<>();
        texts.add(Files.readString(RULES));
        for (JsonNode panel : JsonMapper.builder().build().readTree(Files.readString(DASHBOARD)).get("panels")) {
            panel.get("targets").forEach(t -> texts.add(t.get("expr").asString()));
        }
        Set<String> names = new java.util.TreeSet<>();
        for (String text : texts) {
            Matcher m = METRIC.matcher(text);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    @Test
    void theRulesAndDashboardNameMetrics() throws IOException {
        assertThat(metricsUsed()).contains("aftercare_intake_queued", "aftercare_intake_deliveries_total",
            "hikaricp_connections_timeout_total", "http_server_requests_seconds_count",
            "aftercare_notify_outbox_overdue", "aftercare_notify_dead_letters_waiting",
            "aftercare_care_steps_lag_seconds", "aftercare_events_stale", "aftercare_webhooks_deliveries_total");
    }
}
