package io.aftercare.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.aftercare.support.TestApi;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Chaos, with nothing lost (decision 0043): two Aftercare JVMs, real processes on loopback, share one PostgreSQL
 * and one SMTP server (GreenMail). Incidents are resolved through instance A, which is killed with SIGKILL while it
 * is still opening their cases and is not started again. Every responder's check-in still reaches them, exactly
 * once, by e-mail, through instance B: B delivers the events A left unfinished once they are
 * {@code aftercare.events.stale-after} old.
 *
 * <p>Scaled down from the 100 incidents × 10 responders of the issue to {@value #INCIDENTS} × {@value #RESPONDERS}
 * so that it runs in a few minutes on a shared 2-core machine; e-mail only (Slack's path through the outbox is the
 * same). Too slow for every {@code verify}: {@code ./mvnw -Pchaos verify} runs it, and {@code .ci/run} does.
 */
class TwoInstancesChaos {

    static final int INCIDENTS = 20;
    static final int RESPONDERS = 5;
    static final String PASSWORD = "chaos-password-123";

    private final LoopbackAftercare aftercare = new LoopbackAftercare();
    private EmbeddedPostgres postgres;
    private GreenMail smtp;

    @AfterEach
    void stop() throws IOException {
        aftercare.killAll();
        if (smtp != null) {
            smtp.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private Process start(String name, int port, String jdbcUrl, int smtpPort, Path dataDir) throws IOException {
        return aftercare.start(name, port, dataDir, List.of(
            "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres",
            "--spring.datasource.password=postgres",
            "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
            "--aftercare.public-url=http://127.0.0.1:" + port,
            "--aftercare.care.check-in-delay=0s", "--aftercare.scheduler.polling-interval=500ms",
            "--aftercare.scheduler.heartbeat-interval=2s",
            "--aftercare.notify.poll-interval=500ms", "--aftercare.notify.initial-backoff=1s",
            "--aftercare.notify.max-backoff=2s",
            "--aftercare.events.stale-after=" + System.getProperty("aftercare.chaos.stale-after", "10s"),
            "--aftercare.events.check-every=2s"));
    }

    private long count(String sql) throws SQLException {
        try (Connection c = postgres.getDatabase("postgres", "chaos").getConnection();
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Map<String, Long> mailsPerRecipient() {
        return List.of(smtp.getReceivedMessages()).stream().collect(Collectors.groupingBy(m -> {
            try {
                return ((MimeMessage) m).getAllRecipients()[0].toString();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }, Collectors.counting()));
    }

    @Test
    void killedMidFanOutEveryCheckInReachesItsPersonExactlyOnceThroughTheOther() throws Exception {
        Path dataDir = Files.createTempDirectory("aftercare-chaos");
        postgres = EmbeddedPostgres.builder().setPort(0).start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE chaos");
        }
        String jdbcUrl = postgres.getJdbcUrl("postgres", "chaos");
        int smtpPort = LoopbackAftercare.freePort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();

        int portA = LoopbackAftercare.freePort();
        int portB = LoopbackAftercare.freePort();
        // A first: it creates the schema and the keys in the shared data directory that B then reads
        Process a = start("instance-a", portA, jdbcUrl, smtpPort, dataDir);
        start("instance-b", portB, jdbcUrl, smtpPort, dataDir);

        TestApi admin = TestApi.at(portA).asAdmin();
        List<String> emails = new ArrayList<>();
        List<String> incidents = new ArrayList<>();
        for (int i = 0; i < INCIDENTS; i++) {
            List<Map<String, String>> responders = new ArrayList<>();
            for (int r = 0; r < RESPONDERS; r++) {
                String email = "responder-" + i + "-" + r + "-" + UUID.randomUUID() + "@chaos.test";
                Map<String, Object> person = new HashMap<>();
                person.put("name", "Responder " + i + "-" + r);
                person.put("email", email);
                person.put("timeZone", "UTC");
                // no quiet hours and no weekend: the mail may go whenever the test runs
                person.put("quietHours", Map.of("start", "12:00", "end", "12:00"));
                person.put("weekendDays", List.of());
                person.put("password", PASSWORD);
                var created = admin.post("/api/v1/people", person);
                assertThat(created.status()).as(created.body()).isEqualTo(201);
                responders.add(Map.of("personId", created.json("$.id"), "role", "RESPONDER"));
                emails.add(email);
            }
            var incident = admin.post("/api/v1/incidents", Map.of("title", "Chaos " + i, "severity", "SEV2",
                "responders", responders));
            assertThat(incident.status()).as(incident.body()).isEqualTo(201);
            incidents.add(incident.json("$.id"));
        }

        // all resolved through A at once, and A killed the moment the last resolve has answered
        ExecutorService pool = Executors.newFixedThreadPool(INCIDENTS);
        List<Future<Integer>> resolved = new ArrayList<>();
        for (String id : incidents) {
            resolved.add(pool.submit(() -> admin.post("/api/v1/incidents/" + id + "/resolve", "{}").status()));
        }
        for (Future<Integer> status : resolved) {
            assertThat(status.get()).isEqualTo(200);
        }
        a.destroyForcibly().waitFor(); // SIGKILL: no shutdown, nothing finished
        pool.shutdown();
        long unfinished = count("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL");
        int mailedBeforeKill = smtp.getReceivedMessages().length;
        assertThat(mailedBeforeKill).as("A was killed with check-ins still to go (%d events unfinished)", unfinished)
            .isLessThan(INCIDENTS * RESPONDERS);

        int everyone = INCIDENTS * RESPONDERS;
        await().atMost(Duration.ofMinutes(Long.getLong("aftercare.chaos.wait-minutes", 8)))
            .pollInterval(Duration.ofSeconds(1))
            .until(() -> mailsPerRecipient().size() == everyone);
        // long enough for anything delivered twice to arrive: a stale-after and a few checks more
        await().during(Duration.ofSeconds(20)).atMost(Duration.ofSeconds(30))
            .until(() -> smtp.getReceivedMessages().length == everyone);
        Map<String, Long> perRecipient = mailsPerRecipient();
        assertThat(perRecipient.keySet()).containsExactlyInAnyOrderElementsOf(emails);
        assertThat(perRecipient).allSatisfy((to, n) -> assertThat(n).as(to).isEqualTo(1L));
        assertThat(count("SELECT COUNT(*) FROM notify_message WHERE channel = 'EMAIL' AND status = 'SENT'"))
            .isEqualTo(everyone);
        assertThat(count("SELECT COUNT(*) FROM notify_message WHERE channel = 'EMAIL'")).isEqualTo(everyone);
        assertThat(count("SELECT COUNT(*) FROM care_case")).isEqualTo(everyone);
        assertThat(count("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL"))
            .as("every event delivered in the end").isZero();
        System.out.printf("TwoInstancesChaos: %d of %d check-ins mailed before A was killed, %d events unfinished "
            + "then; all %d mailed once through B%n", mailedBeforeKill, everyone, unfinished, everyone);
    }
}
