package io.aftercare.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.aftercare.notify.NotifyFixtures.incident;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.aftercare.care.CareCases;
import io.aftercare.directory.Directory;
import io.aftercare.directory.NewPerson;
import io.aftercare.directory.People;
import io.aftercare.identity.Role;
import io.aftercare.notify.preferences.Preferences;
import io.aftercare.peersupport.OutreachNudged;
import io.aftercare.peersupport.SupportRequested;
import io.aftercare.shared.DbTime;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.LoopbackReceiver;
import io.aftercare.support.TestApi;

/**
 * The SMTP server and Slack are away for ten minutes, and a webhook receiver answers 503 meanwhile, while a
 * check-in, a support request and a nudge are due by e-mail and Slack and a {@code case.opened} webhook is due: on
 * the <em>default</em> retry schedule (30 s doubling, 8 tries) nothing becomes a dead letter, and once they are back
 * every message arrives exactly once. The ten minutes (and the retries after them) are simulated: Aftercare's clock
 * is moved on step by step and the delivery worker, running as always, sends what is due at each step.
 */
@AftercareIT
@TestPropertySource(properties = {"aftercare.care.check-in-delay=0s", "aftercare.scheduler.polling-interval=200ms",
    "aftercare.notify.poll-interval=200ms", "aftercare.public-url=https://aftercare.example.test",
    "spring.mail.host=127.0.0.1", "spring.mail.properties.mail.smtp.connectiontimeout=2000",
    "spring.mail.properties.mail.smtp.timeout=2000", "aftercare.slack.bot-token=xoxb-outage-it",
    "aftercare.slack.signing-secret=outage-it-signing-secret",
    "aftercare.notify.webhooks.require-https=false", "aftercare.notify.webhooks.allow-private-addresses=true"})
class ChannelOutageIT {

    static final Duration OUTAGE = Duration.ofMinutes(10);
    static final int SMTP_PORT = freePort();
    static final GreenMail SMTP = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    static final WireMockServer SLACK = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    static final LoopbackReceiver RECEIVER;

    static {
        SLACK.start();
        try {
            RECEIVER = LoopbackReceiver.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The system clock, moved on by the test. */
    static final class SimulatedClock extends Clock {
        private final ZoneId zone;
        private volatile Duration ahead = Duration.ZERO;
        private final SimulatedClock base;

        SimulatedClock() {
            this(ZoneOffset.UTC, null);
        }

        private SimulatedClock(ZoneId zone, SimulatedClock base) {
            this.zone = zone;
            this.base = base;
        }

        void advance(Duration by) {
            ahead = ahead.plus(by);
        }

        Duration ahead() {
            return base == null ? ahead : base.ahead();
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new SimulatedClock(other, base == null ? this : base);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(ahead());
        }
    }

    @TestConfiguration
    static class Time {
        @Bean
        @Primary
        SimulatedClock simulatedClock() {
            return new SimulatedClock();
        }
    }

    @DynamicPropertySource
    static void peers(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("aftercare.slack.api-url", () -> "http://127.0.0.1:" + SLACK.port() + "/api/");
    }

    @AfterAll
    static void stop() {
        SLACK.stop();
        RECEIVER.close();
        SMTP.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    SimulatedClock clock;

    @Autowired
    People people;

    @Autowired
    CareCases care;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    Directory directory;

    @Autowired
    Preferences preferences;

    @Autowired
    TransactionTemplate transactions;

    record Reachable(UUID id, String email, String dm) {
    }

    /**
     * Someone reachable by e-mail and by Slack who chose {@code channel}, with no quiet hours, whose Slack DM works
     * whenever Slack does.
     */
    Reachable person(String name, String channel) {
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String email = name.toLowerCase().replace(' ', '.') + "-" + suffix + "@outage.test";
        UUID id = people.create(new NewPerson(name, email, "UTC", LocalTime.NOON, LocalTime.NOON, Set.of(),
            Map.of("slack", "U" + suffix), null, Set.of(Role.RESPONDER), List.of(), NotifyFixtures.PASSWORD),
            null).id();
        SLACK.stubFor(post(urlEqualTo("/api/conversations.open")).withRequestBody(containing("users=U" + suffix))
            .willReturn(okJson("{\"ok\":true,\"channel\":{\"id\":\"D" + suffix + "\"}}")));
        SLACK.stubFor(post(urlEqualTo("/api/chat.postMessage")).withRequestBody(containing("channel=D" + suffix))
            .willReturn(okJson("{\"ok\":true,\"channel\":\"D" + suffix + "\",\"ts\":\"1700000000.000100\"}")));
        preferences.save(directory.person(id).orElseThrow(),
            new Preferences.Update(List.of(channel), LocalTime.NOON, LocalTime.NOON, Set.of(), null));
        return new Reachable(id, email, "D" + suffix);
    }

    List<LoggedRequest> posted(Reachable p) {
        return SLACK.findAll(postRequestedFor(urlEqualTo("/api/chat.postMessage"))
            .withRequestBody(containing("channel=" + p.dm())));
    }

    long count(String where) {
        return jdbc.sql("SELECT COUNT(*) FROM notify_message WHERE channel IN ('EMAIL', 'SLACK', 'WEBHOOK') AND "
            + where).query(Long.class).single();
    }

    /** Moves the clock on and waits until the worker has dealt with everything due by then. */
    void advance(Duration by) {
        clock.advance(by);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM notify_message WHERE status = 'PENDING' AND not_before <= ?")
            .param(DbTime.toDb(clock.instant())).query(Long.class).single() == 0);
    }

    @Test
    void smtpAndSlackAwayForTenMinutesEverythingArrivesOnceAfterAndNothingIsADeadLetter() {
        SMTP.stop();
        StubMapping slackDown = SLACK.stubFor(any(anyUrl()).atPriority(1)
            .willReturn(aResponse().withStatus(503).withBody("Service Unavailable")));
        RECEIVER.answer("/outage", 503, Map.of());
        TestApi admin = TestApi.at(port).asAdmin();
        var subscription = admin.post("/api/v1/webhook-subscriptions", Map.of("name", "Ops outage",
            "url", RECEIVER.url("/outage"), "events", List.of("case.opened")));
        assertThat(subscription.status()).as(subscription.body()).isEqualTo(201);

        // each of a check-in, a support request and a nudge, once by e-mail and once by Slack
        Reachable robin = person("Robin Checkin", "EMAIL");
        Reachable rowan = person("Rowan Checkin", "SLACK");
        Reachable sol = person("Sol Supporter", "EMAIL");
        Reachable sam = person("Sam Supporter", "SLACK");
        Reachable tam = person("Tam Nudged", "EMAIL");
        Reachable toni = person("Toni Nudged", "SLACK");
        Reachable quinn = person("Quinn Asked", "EMAIL");
        List<Reachable> byMail = List.of(robin, sol, tam);
        List<Reachable> bySlack = List.of(rowan, sam, toni);
        care.incidentResolved(incident(robin.id(), rowan.id()));
        Instant now = clock.instant();
        transactions.executeWithoutResult(t -> {
            for (Reachable supporter : List.of(sol, sam)) {
                events.publishEvent(new SupportRequested(UUID.randomUUID(), quinn.id(), "CHECK_IN", supporter.id(),
                    now.plus(Duration.ofHours(4)), now));
            }
            for (Reachable teammate : List.of(tam, toni)) {
                events.publishEvent(new OutreachNudged(UUID.randomUUID(), UUID.randomUUID(), quinn.id(),
                    teammate.id(), "TEAMMATE", now));
            }
        });
        // three e-mails, three Slack messages and a case.opened webhook for each of the two cases: all tried once
        // and failed
        int all = 8;
        await().atMost(Duration.ofSeconds(30)).until(() -> count("attempts >= 1") == all);
        assertThat(count("channel = 'EMAIL'")).isEqualTo(3);
        assertThat(count("channel = 'SLACK'")).isEqualTo(3);
        assertThat(count("status = 'PENDING'")).isEqualTo(all);

        // ten minutes of retries on the default schedule, all failing
        for (Duration gone = Duration.ZERO; gone.compareTo(OUTAGE) < 0; gone = gone.plusSeconds(20)) {
            advance(Duration.ofSeconds(20));
        }
        assertThat(count("status = 'DEAD'")).as("dead letters within the outage").isZero();
        assertThat(count("status = 'PENDING'")).isEqualTo(all);
        assertThat(count("attempts >= 4")).as("tried again and again meanwhile").isEqualTo(all);
        assertThat(SMTP.getReceivedMessages()).isEmpty();
        assertThat(RECEIVER.received("/outage")).allSatisfy(r -> assertThat(r.answered()).isEqualTo(503));

        SMTP.start();
        SLACK.removeStub(slackDown);
        RECEIVER.answer("/outage", 200, Map.of());
        for (int minute = 0; minute < 30 && count("status = 'SENT'") < all; minute++) {
            advance(Duration.ofMinutes(1));
        }

        assertThat(count("status = 'SENT'")).as("sent %s after the outage began", clock.ahead()).isEqualTo(all);
        assertThat(count("status = 'DEAD'")).isZero();
        // and it stays so: the worker keeps running and sends nothing more
        advance(Duration.ofMinutes(5));
        for (Reachable p : byMail) {
            assertThat(SMTP.getReceivedMessagesForDomain(p.email())).as(p.email()).hasSize(1);
        }
        assertThat(SMTP.getReceivedMessages()).hasSize(3);
        for (Reachable p : bySlack) {
            assertThat(posted(p)).as("Slack messages to %s", p.dm()).hasSize(1);
        }
        assertThat(SLACK.findAll(postRequestedFor(urlEqualTo("/api/chat.postMessage")))).hasSize(3);
        assertThat(RECEIVER.received("/outage")).filteredOn(r -> r.answered() == 200).hasSize(2)
            .extracting(r -> r.header("webhook-id")).doesNotHaveDuplicates();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
