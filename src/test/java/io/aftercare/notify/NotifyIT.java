package io.aftercare.notify;

import static io.aftercare.notify.NotifyFixtures.PASSWORD;
import static io.aftercare.notify.NotifyFixtures.count;
import static io.aftercare.notify.NotifyFixtures.incident;
import static io.aftercare.notify.NotifyFixtures.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import io.aftercare.care.CareCases;
import io.aftercare.care.CheckInDue;
import io.aftercare.directory.Directory;
import io.aftercare.directory.People;
import io.aftercare.identity.AftercareUser;
import io.aftercare.identity.Role;
import io.aftercare.notify.NotifyFixtures.Person;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestApi;

/**
 * The outbox on a real database (H2 and PostgreSQL): every check-in lands in the person's own inbox; outward
 * messages wait for quiet hours; a redelivered event adds nothing; a message whose channel keeps failing becomes a
 * dead letter that admins see (who and how, never what) and can retry; preferences through the API.
 * The SMTP host here is a closed port, so e-mail always fails.
 */
@AftercareIT
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
@TestPropertySource(properties = {"aftercare.care.check-in-delay=0s", "aftercare.scheduler.polling-interval=200ms",
    "aftercare.notify.poll-interval=200ms", "aftercare.notify.initial-backoff=100ms",
    "aftercare.notify.max-backoff=200ms", "aftercare.notify.max-attempts=2", "spring.mail.host=127.0.0.1",
    "spring.mail.properties.mail.smtp.connectiontimeout=1000"})
class NotifyIT {

    static final int CLOSED_PORT = closedPort();

    @org.springframework.test.context.DynamicPropertySource
    static void mail(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> CLOSED_PORT);
    }

    @LocalServerPort
    int port;

    @Autowired
    People people;

    @Autowired
    CareCases care;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Directory directory;

    @Autowired
    MockMvc mvc;

    TestApi api;

    @BeforeEach
    void setUp() {
        api = TestApi.at(port);
    }

    static AftercareUser signedIn(Person p) {
        return new AftercareUser(p.id(), p.email(), EnumSet.of(Role.RESPONDER), false, null, true);
    }

    TestApi as(Person p) {
        return api.basic(p.email(), PASSWORD);
    }

    @Test
    void aCheckInLandsInTheOwnInboxOnlyAndAFailingChannelEndsAsADeadLetterThatAnAdminRetries() throws Exception {
        Person robin = person(people, "Robin Inbox");
        Person kim = person(people, "Kim Other");
        care.incidentResolved(incident(robin.id()));

        await().atMost(Duration.ofSeconds(30)).until(() -> count(jdbc, robin.id(), "INBOX", "SENT") == 1);
        var inbox = as(robin).get("/api/v1/me/inbox");
        assertThat(inbox.status()).isEqualTo(200);
        List<String> titles = inbox.json("$[*].title");
        assertThat(titles).containsExactly("How are you doing after the incident?");
        String link = inbox.json("$[0].link");
        assertThat(link).startsWith("/check-ins/");
        assertThat(as(kim).get("/api/v1/me/inbox").<List<Object>>json("$")).as("nobody sees another's inbox")
            .isEmpty();
        var page = mvc.perform(get("/inbox").with(user(signedIn(robin)))).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains("How are you doing after the incident?");

        // e-mail cannot go (nothing listens on the SMTP port): two tries, then a dead letter
        await().atMost(Duration.ofSeconds(30)).until(() -> count(jdbc, robin.id(), "EMAIL", "DEAD") == 1);
        UUID adminId = directory.personByEmail(TestApi.ADMIN_EMAIL).orElseThrow().id();
        AftercareUser admin = new AftercareUser(adminId, TestApi.ADMIN_EMAIL, EnumSet.of(Role.ADMIN), false, null, true);
        var dead = mvc.perform(get("/admin/dead-letters").with(user(admin))).andReturn().getResponse();
        assertThat(dead.getStatus()).isEqualTo(200);
        assertThat(dead.getContentAsString()).contains(robin.email()).contains("<td>E-mail</td>")
            .doesNotContain(">EMAIL<")
            .doesNotContain("How are you doing after the incident?");
        assertThat(mvc.perform(get("/admin/dead-letters").with(user(signedIn(robin)))).andReturn().getResponse()
            .getStatus()).isEqualTo(403);

        UUID id = jdbc.sql("SELECT id FROM notify_message WHERE person_id = ? AND channel = 'EMAIL'")
            .param(robin.id()).query(UUID.class).single();
        Instant before = Instant.now();
        var retried = mvc.perform(post("/admin/dead-letters/" + id + "/retry").with(user(admin)).with(csrf()))
            .andReturn().getResponse();
        assertThat(retried.getStatus()).isEqualTo(302);
        // tried again (and, with the SMTP port still closed, dead again): the retry really ran the channel
        await().atMost(Duration.ofSeconds(30)).until(() -> count(jdbc, robin.id(), "EMAIL", "DEAD") == 1
            && jdbc.sql("SELECT last_attempt_at FROM notify_message WHERE id = ?").param(id)
            .query(java.time.OffsetDateTime.class).single().toInstant().isAfter(before));
        assertThat(mvc.perform(post("/admin/dead-letters/" + UUID.randomUUID() + "/retry").with(user(admin))
            .with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void anEventDeliveredTwiceAddsNothingAndOutwardMessagesWaitForQuietHours() {
        // quiet hours from four hours ago until three hours from now: the e-mail waits, the inbox does not
        LocalTime nowInBerlin = LocalTime.now(ZoneId.of("Europe/Berlin")).withSecond(0).withNano(0);
        Person sam = person(people, "Sam Quiet", "Europe/Berlin", nowInBerlin.minusHours(4),
            nowInBerlin.plusHours(3), Set.<DayOfWeek>of());
        UUID step = UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        CheckInDue due = new CheckInDue(step, caseId, sam.id(), "CHECK_IN", 0, false, Instant.now());
        transactions.executeWithoutResult(tx -> events.publishEvent(due));
        transactions.executeWithoutResult(tx -> events.publishEvent(due));
        Person s = sam;
        await().atMost(Duration.ofSeconds(30)).until(() -> count(jdbc, s.id(), "INBOX", "SENT") == 1
            && count(jdbc, s.id(), "EMAIL", "PENDING") == 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() ->
            jdbc.sql("SELECT COUNT(*) FROM notify_message WHERE person_id = ?").param(s.id()).query(Long.class)
                .single() == 2);
        Instant notBefore = jdbc.sql("SELECT not_before FROM notify_message WHERE person_id = ? AND channel = 'EMAIL'")
            .param(s.id()).query(java.time.OffsetDateTime.class).single().toInstant();
        assertThat(notBefore).isAfter(Instant.now().plus(Duration.ofHours(2)));
        assertThat(count(jdbc, s.id(), "EMAIL", "PENDING")).as("still waiting, never tried").isEqualTo(1);
    }

    @Test
    void preferencesAreEachPersonsOwnAndEmptyChannelsMeanTheInboxOnly() throws Exception {
        Person lee = person(people, "Lee Prefs");
        var defaults = as(lee).get("/api/v1/me/preferences");
        assertThat(defaults.status()).isEqualTo(200);
        assertThat(defaults.<List<String>>json("$.channels")).containsExactly("EMAIL");
        assertThat(defaults.<List<String>>json("$.availableChannels")).containsExactly("EMAIL");

        var bad = as(lee).put("/api/v1/me/preferences", Map.of("channels", List.of("CARRIER_PIGEON")));
        assertThat(bad.status()).isEqualTo(400);
        var saved = as(lee).put("/api/v1/me/preferences", Map.of("channels", List.of(),
            "weekendDays", List.of("FRIDAY"), "pausedUntil", "2030-01-01"));
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.<List<String>>json("$.channels")).isEmpty();
        assertThat(saved.<List<String>>json("$.weekendDays")).containsExactly("FRIDAY");
        assertThat(saved.<String>json("$.pausedUntil")).isEqualTo("2030-01-01");

        care.incidentResolved(incident(lee.id()));
        await().atMost(Duration.ofSeconds(30)).until(() -> count(jdbc, lee.id(), "INBOX", "SENT") == 1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notify_message WHERE person_id = ? AND channel <> 'INBOX'")
            .param(lee.id()).query(Long.class).single()).isZero();
        assertThat(mvc.perform(get("/settings/notifications").with(user(signedIn(lee)))).andReturn().getResponse()
            .getContentAsString()).contains("How Aftercare reaches you");
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
