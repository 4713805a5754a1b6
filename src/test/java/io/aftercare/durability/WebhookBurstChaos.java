package io.aftercare.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.aftercare.intake.source.PagerDutySignature;
import io.aftercare.support.TestApi;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Chaos, with nothing lost (issue 15; decisions 0011 and 0043): the only Aftercare process takes a burst of signed
 * PagerDuty V3 webhooks from {@value #SENDERS} concurrent senders and is killed with SIGKILL at a random moment of
 * it (counted from its first answer), {@code aftercare.chaos.kills} times (20), each time started again on the same
 * data; once on H2 (the file database in its data directory) and once on PostgreSQL. The senders behave as
 * PagerDuty does: each incident is triggered and then resolved, every event with its own id, and a delivery not
 * answered 2xx (no answer at all, or 503) is sent again, the same signed body, to the next instance.
 *
 * <p>After the last start, once the applier and the event publications have settled, the database must hold every
 * delivery that was ever answered 2xx, exactly once and applied; a delivery never answered at most once; each
 * incident exactly as its stored deliveries say (resolved if its resolve is stored, else triggered, absent if
 * neither is), with one "created" and at most one "resolved" on its timeline; and the responder in the care case
 * of every resolved incident, once.
 *
 * <p>Starting Aftercare takes most of the time (about 15 s on an idle 2-core machine, against a few hundred
 * deliveries a second taken), so a burst is short: the kill comes at a random moment between a tenth of
 * {@code aftercare.chaos.burst-millis} (2 s) and all of it; {@code aftercare.chaos.seed} repeats a run's moments.
 * Too slow for every {@code verify}: {@code ./mvnw -Pchaos verify} runs it, and {@code .ci/run} does.
 */
class WebhookBurstChaos {

    static final int KILLS = Integer.getInteger("aftercare.chaos.kills", 20);
    static final long BURST_MILLIS = Long.getLong("aftercare.chaos.burst-millis", 2000);
    static final int SENDERS = 16;
    static final String SECRET = "chaos-signing-secret-0123456789";
    static final String METRICS_TOKEN = "chaos-metrics-token-0123456789";
    static final String PAGERDUTY_USER = "PCHAOS1";
    /** Publications a kill left unfinished are delivered again this long after they were published. */
    static final Duration STALE_AFTER = Duration.ofSeconds(5);

    private final AftercareProcesses processes = new AftercareProcesses();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    private EmbeddedPostgres postgres;

    @AfterEach
    void stop() throws IOException {
        processes.close();
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void h2KilledDuringBurstsLosesAndDoublesNothing() throws Exception {
        Path dataDir = Files.createTempDirectory("aftercare-chaos-h2");
        // the URL Aftercare itself uses (application.yml), read by this JVM only once Aftercare has stopped
        String url = "jdbc:h2:file:" + dataDir.resolve("aftercare") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH";
        run("h2", dataDir, List.of(), () -> DriverManager.getConnection(url, "aftercare", ""));
    }

    @Test
    void postgresKilledDuringBurstsLosesAndDoublesNothing() throws Exception {
        postgres = EmbeddedPostgres.builder().setPort(0).start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE chaos");
        }
        run("postgres", Files.createTempDirectory("aftercare-chaos-pg"), List.of(
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "chaos"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres"),
            () -> postgres.getDatabase("postgres", "chaos").getConnection());
    }

    interface Database {
        Connection connect() throws SQLException;
    }

    /** One webhook delivery as PagerDuty would send it, and send again with the same body and signature. */
    record Delivery(String eventId, int incident, boolean resolve, byte[] body, String signature) {
    }

    /** What the senders saw, across all the rounds. */
    static final class Seen {
        final Set<String> sent = ConcurrentHashMap.newKeySet();
        final Set<String> answered = ConcurrentHashMap.newKeySet();
        final AtomicLong duplicatesAnswered = new AtomicLong();
        final AtomicLong unanswered = new AtomicLong();
        final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
        /** Deliveries to send again (no answer, or 503), and resolves not sent yet when the instance died. */
        final ConcurrentLinkedQueue<Delivery> again = new ConcurrentLinkedQueue<>();
        final AtomicInteger incidents = new AtomicInteger();
    }

    private void run(String db, Path dataDir, List<String> databaseArguments, Database database) throws Exception {
        long seed = Long.getLong("aftercare.chaos.seed", System.nanoTime());
        Random random = new Random(seed);
        long began = System.nanoTime();
        List<String> arguments = new ArrayList<>(databaseArguments);
        arguments.addAll(List.of("--aftercare.metrics.token=" + METRICS_TOKEN, "--aftercare.metrics.refresh=1s",
            "--aftercare.events.stale-after=" + STALE_AFTER.toSeconds() + "s", "--aftercare.events.check-every=1s",
            "--aftercare.scheduler.heartbeat-interval=2s", "--logging.level.io.aftercare=WARN",
            // a resubmission cut short by a kill is marked failed, and taken again, after this (10 minutes by
            // default, longer than this test waits): as short here as the stale age above
            "--spring.modulith.events.staleness.resubmission=" + STALE_AFTER.toSeconds() + "s",
            "--spring.modulith.events.staleness.check-intervall=1s"));

        int port = AftercareProcesses.freePort();
        Process process = processes.start(db + "-0", port, dataDir, arguments);
        TestApi admin = TestApi.at(port).asAdmin();
        var integration = admin.post("/api/v1/integrations",
            Map.of("type", "pagerduty", "name", "Chaos", "secret", SECRET));
        assertThat(integration.status()).as(integration.body()).isEqualTo(201);
        String integrationId = integration.json("$.id");
        var responder = admin.post("/api/v1/people", Map.of("name", "Chaos Responder",
            "email", "responder-" + UUID.randomUUID() + "@chaos.test", "timeZone", "UTC",
            "externalIdentities", Map.of("pagerduty", PAGERDUTY_USER)));
        assertThat(responder.status()).as(responder.body()).isEqualTo(201);
        String personId = responder.json("$.id");

        Seen seen = new Seen();
        List<Long> startMillis = new ArrayList<>();
        for (int round = 1; round <= KILLS; round++) {
            long killAfter = BURST_MILLIS / 10 + (long) (random.nextDouble() * BURST_MILLIS * 9 / 10);
            burst(port, integrationId, process, killAfter, seen);
            port = AftercareProcesses.freePort();
            long start = System.nanoTime();
            process = processes.start(db + "-" + round, port, dataDir, arguments);
            startMillis.add((System.nanoTime() - start) / 1_000_000);
        }

        // the last instance lives: what was stored is applied, and what the kills left unfinished is delivered again
        settle(port);
        process.destroy(); // SIGTERM: H2's file is then this JVM's to read
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("stopped").isTrue();
        long seconds = (System.nanoTime() - began) / 1_000_000_000;

        assertThat(seen.unexpected).as("answers other than 2xx and 503").isEmpty();
        Outcome outcome = check(database, integrationId, UUID.fromString(personId), seen);
        List<Long> sorted = startMillis.stream().sorted().toList();
        System.out.printf("WebhookBurstChaos %s: %d kills in %d s (seed %d); %d deliveries of %d incidents sent, %d "
                + "answered 2xx (%d of them as duplicates of one stored before the answer was lost), %d tries "
                + "unanswered; %d of the never answered were stored; %d incidents resolved, %d care cases; a start "
                + "took %.1f s (median), %.1f–%.1f s%n", db, KILLS, seconds, seed, seen.sent.size(),
            seen.incidents.get(), seen.answered.size(), seen.duplicatesAnswered.get(), seen.unanswered.get(),
            outcome.storedUnanswered, outcome.resolved, outcome.cases, sorted.get(sorted.size() / 2) / 1000.0,
            sorted.get(0) / 1000.0, sorted.get(sorted.size() - 1) / 1000.0);
    }

    /** Senders post until the process is killed, {@code killAfterMillis} after they began. */
    private void burst(int port, String integrationId, Process process, long killAfterMillis, Seen seen)
        throws InterruptedException {
        URI target = URI.create("http://127.0.0.1:" + port + "/webhooks/pagerduty/" + integrationId);
        AtomicBoolean killed = new AtomicBoolean();
        CountDownLatch flowing = new CountDownLatch(1);
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        for (int i = 0; i < SENDERS; i++) {
            senders.submit(() -> {
                while (!killed.get()) {
                    Delivery again = seen.again.poll();
                    if (again != null) {
                        send(target, again, seen, flowing);
                        continue;
                    }
                    int incident = seen.incidents.incrementAndGet();
                    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
                    send(target, delivery(incident, false, now), seen, flowing);
                    Delivery resolve = delivery(incident, true, now);
                    if (killed.get()) {
                        seen.again.add(resolve); // the sender will send it to the next instance
                    } else {
                        send(target, resolve, seen, flowing);
                    }
                }
            });
        }
        // the moment counts from the first answer: a freshly started JVM is slow to take its first requests
        flowing.await(2, TimeUnit.MINUTES);
        Thread.sleep(killAfterMillis);
        AftercareProcesses.kill(process);
        killed.set(true);
        senders.shutdown();
        assertThat(senders.awaitTermination(1, TimeUnit.MINUTES)).as("senders stopped").isTrue();
    }

    private void send(URI target, Delivery d, Seen seen, CountDownLatch flowing) {
        seen.sent.add(d.eventId());
        HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header(PagerDutySignature.HEADER, d.signature())
            .POST(HttpRequest.BodyPublishers.ofByteArray(d.body())).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                seen.answered.add(d.eventId());
                flowing.countDown();
                if (response.body().contains("\"DUPLICATE\"")) {
                    seen.duplicatesAnswered.incrementAndGet();
                }
            } else if (response.statusCode() == 503) {
                seen.unanswered.incrementAndGet();
                seen.again.add(d);
            } else {
                seen.unexpected.add(d.eventId() + ": " + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            // no answer: the instance died before or while it answered
            seen.unanswered.incrementAndGet();
            seen.again.add(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The trigger (at {@code at}) or the resolve (a second later) of an incident that began ten minutes before. */
    private static Delivery delivery(int incident, boolean resolve, Instant at) {
        String type = resolve ? "resolved" : "triggered";
        String eventId = "EVCHAOS" + incident + (resolve ? "R" : "T");
        String body = """
            {"event":{"id":"%s","event_type":"incident.%s","resource_type":"incident","occurred_at":"%s",
              "agent":{"id":"%s","type":"user_reference"},"client":{"name":"PagerDuty"},
              "data":{"id":"PCHAOS%d","type":"incident","number":%d,"title":"Chaos incident %d","status":"%s",
                "urgency":"high","html_url":"https://chaos.pagerduty.com/incidents/PCHAOS%d",
                "created_at":"%s","service":{"id":"PSVC","summary":"chaos"},
                "assignees":[{"id":"%s","summary":"Chaos Responder","type":"user_reference"}],
                "priority":{"id":"PPRIO","summary":"P1"},"teams":[]}}}""".formatted(eventId, type,
            resolve ? at.plusSeconds(1) : at, PAGERDUTY_USER, incident, incident, incident, type, incident,
            at.minusSeconds(600), PAGERDUTY_USER);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new Delivery(eventId, incident, resolve, bytes, PagerDutySignature.sign(SECRET, bytes));
    }

    /** Waits until no delivery is queued and no event publication has stayed unfinished past the stale age. */
    private void settle(int port) {
        TestApi metrics = TestApi.at(port).bearer(METRICS_TOKEN);
        await("stored deliveries applied").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
            .until(() -> gauge(metrics, "aftercare_intake_queued") == 0);
        // a publication left unfinished is counted as stale once it is STALE_AFTER old, and delivered again then;
        // none counted for a while after that age has passed means every one published so far has finished
        await("event publications finished").pollDelay(STALE_AFTER.plusSeconds(2)).atMost(Duration.ofMinutes(5))
            .pollInterval(Duration.ofSeconds(1))
            .until(() -> gauge(metrics, "aftercare_events_stale") == 0);
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
            .until(() -> gauge(metrics, "aftercare_events_stale") == 0
                && gauge(metrics, "aftercare_intake_queued") == 0);
    }

    private static double gauge(TestApi metrics, String name) {
        String text = metrics.getText("/actuator/prometheus").body();
        return text.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
            .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    record Outcome(long storedUnanswered, long resolved, long cases) {
    }

    private Outcome check(Database database, String integrationId, UUID personId, Seen seen) throws SQLException {
        try (Connection c = database.connect()) {
            // every stored delivery of the senders' events, by event id
            Map<String, List<String>> stored = new HashMap<>();
            try (var s = c.prepareStatement("SELECT dedupe_key, outcome, incident_id FROM intake_delivery "
                + "WHERE channel = ? AND dedupe_key IS NOT NULL")) {
                s.setString(1, integrationId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        stored.computeIfAbsent(rs.getString(1).substring("id:".length()), k -> new ArrayList<>())
                            .add(rs.getString(2) + (rs.getObject(3) == null ? " without incident" : ""));
                    }
                }
            }
            assertThat(stored.keySet()).as("only what was sent is stored").isSubsetOf(seen.sent);
            assertThat(stored).as("every stored delivery stored once and applied to its incident")
                .allSatisfy((event, rows) -> assertThat(rows).as(event).containsExactly("ACCEPTED"));
            assertThat(stored.keySet()).as("every delivery answered 2xx is stored").containsAll(seen.answered);
            long storedUnanswered = stored.keySet().stream().filter(e -> !seen.answered.contains(e)).count();

            // each incident as its stored deliveries say
            Map<Integer, String> expected = new HashMap<>();
            stored.keySet().forEach(event -> {
                int incident = Integer.parseInt(event.substring("EVCHAOS".length(), event.length() - 1));
                expected.merge(incident, event.endsWith("R") ? "RESOLVED" : "TRIGGERED",
                    (a, b) -> a.equals("RESOLVED") || b.equals("RESOLVED") ? "RESOLVED" : "TRIGGERED");
            });
            Map<Integer, String> actual = new HashMap<>();
            Map<Integer, UUID> ids = new HashMap<>();
            query(c, "SELECT external_id, status, id FROM incident WHERE source = 'pagerduty'", rs -> {
                int incident = Integer.parseInt(rs.getString(1).substring("PCHAOS".length()));
                assertThat(actual.put(incident, rs.getString(2))).as("incident %d once", incident).isNull();
                ids.put(incident, rs.getObject(3, UUID.class));
            });
            assertThat(actual).as("incidents as their stored deliveries say").isEqualTo(expected);

            // a timeline that tells each change once
            Map<String, Long> timeline = new HashMap<>();
            query(c, "SELECT i.external_id, t.kind, t.person_id, COUNT(*) FROM incident_timeline t "
                + "JOIN incident i ON i.id = t.incident_id WHERE i.source = 'pagerduty' "
                + "GROUP BY i.external_id, t.kind, t.person_id", rs -> timeline.put(
                rs.getString(1) + " " + rs.getString(2) + (rs.getString(3) == null ? "" : " " + rs.getString(3)),
                rs.getLong(4)));
            assertThat(timeline).as("no change on any timeline twice").allSatisfy((entry, n) ->
                assertThat(n).as(entry).isEqualTo(1L));
            Set<String> kinds = new HashSet<>();
            timeline.keySet().forEach(k -> kinds.add(k.split(" ")[1]));
            actual.forEach((incident, status) -> {
                assertThat(timeline).as("incident %d created", incident).containsKey("PCHAOS" + incident + " CREATED");
                assertThat(timeline.containsKey("PCHAOS" + incident + " RESOLVED")).as("incident %d resolved once",
                    incident).isEqualTo(status.equals("RESOLVED"));
            });

            // the responder in each resolved incident's care case, once
            Map<UUID, Long> inCases = new HashMap<>();
            try (var s = c.prepareStatement(
                "SELECT incident_id, COUNT(*) FROM care_case_incident WHERE person_id = ? GROUP BY incident_id")) {
                s.setObject(1, personId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        inCases.put(rs.getObject(1, UUID.class), rs.getLong(2));
                    }
                }
            }
            Map<UUID, Long> expectedCases = new HashMap<>();
            actual.forEach((incident, status) -> {
                if (status.equals("RESOLVED")) {
                    expectedCases.put(ids.get(incident), 1L);
                }
            });
            assertThat(inCases).as("each resolved incident in the responder's care once").isEqualTo(expectedCases);
            long cases = count(c, "SELECT COUNT(*) FROM care_case");
            long resolved = actual.values().stream().filter("RESOLVED"::equals).count();
            assertThat(resolved).as("some incidents resolved").isPositive();
            return new Outcome(storedUnanswered, resolved, cases);
        }
    }

    interface Rows {
        void row(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, String sql, Rows rows) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.row(rs);
            }
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
