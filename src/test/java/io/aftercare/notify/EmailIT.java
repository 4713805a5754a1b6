package io.aftercare.notify;

import static io.aftercare.notify.NotifyFixtures.count;
import static io.aftercare.notify.NotifyFixtures.incident;
import static io.aftercare.notify.NotifyFixtures.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import io.aftercare.care.CareCases;
import io.aftercare.directory.People;
import io.aftercare.notify.NotifyFixtures.Person;
import io.aftercare.directory.NewPerson;
import io.aftercare.identity.Role;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestApi;
import io.aftercare.support.WebSession;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * A check-in reaches a person by e-mail through a real SMTP server (GreenMail): HTML and plain text, a signed link
 * that answers the check-in once; and when the SMTP server is away for a while, the mail goes once it is back,
 * exactly once.
 */
@AftercareIT
@TestPropertySource(properties = {"aftercare.care.check-in-delay=0s", "aftercare.scheduler.polling-interval=200ms",
    "aftercare.notify.poll-interval=200ms", "aftercare.notify.initial-backoff=200ms",
    "aftercare.notify.max-backoff=1s", "aftercare.notify.max-attempts=100",
    "aftercare.public-url=https://aftercare.example.test", "spring.mail.host=127.0.0.1",
    "spring.mail.properties.mail.smtp.connectiontimeout=2000", "spring.mail.properties.mail.smtp.timeout=2000"})
class EmailIT {

    static final int SMTP_PORT = freePort();
    static GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @LocalServerPort
    int port;

    @Autowired
    People people;

    @Autowired
    CareCases care;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void start() {
        if (!smtp.isRunning()) {
            smtp.start();
        }
        smtp.reset();
    }

    @AfterEach
    void keepRunning() {
        if (!smtp.isRunning()) {
            smtp.start();
        }
    }

    @AfterAll
    static void stop() {
        smtp.stop();
    }

    @Test
    void withAMailServerTheChecklistTicksMailAndTheInvitationPageDoesNotSayMailIsMissing() {
        var api = TestApi.at(port).asAdmin();
        java.util.List<String> done = api.get("/api/v1/admin/getting-started")
            .json("$.steps[?(@.done == true)].key");
        assertThat(done).contains("channels");

        var invited = people.create(NewPerson.of("Ines Invited", "ines-" + java.util.UUID.randomUUID()
            + "@notify.test", "UTC", java.util.Set.of(Role.RESPONDER), null), null);
        WebSession admin = WebSession.signedIn(port, TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD);
        assertThat(admin.get("/people/" + invited.id()).body()).contains("Create invitation link")
            .doesNotContain("E-mail is not set up");
        var withLink = admin.follow(admin.post("/people/" + invited.id() + "/invitation", java.util.Map.of()));
        assertThat(withLink.body()).contains("/invite/").doesNotContain("E-mail is not set up");
    }

    @Test
    void aCheckInArrivesAsHtmlAndTextWithALinkThatAnswersItOnce() throws Exception {
        Person robin = person(people, "Robin Mail");
        care.incidentResolved(incident(robin.id()));

        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessagesForDomain(robin.email()).length == 1);
        MimeMessage mail = smtp.getReceivedMessagesForDomain(robin.email())[0];
        assertThat(mail.getSubject()).isEqualTo("How are you doing after the incident?");
        assertThat(mail.getContent()).isInstanceOf(MimeMultipart.class);
        String raw = GreenMailUtil.getWholeMessage(mail);
        assertThat(raw).contains("text/plain").contains("text/html");
        String body = GreenMailUtil.getBody(mail);
        Matcher link = Pattern.compile("https://aftercare\\.example\\.test(/c/[A-Za-z0-9_-]+)").matcher(body);
        assertThat(link.find()).as("the mail carries a signed answer link").isTrue();
        assertThat(body).contains("Only you can see your answers").contains("Hi Robin Mail");
        assertThat(count(jdbc, robin.id(), "INBOX", "SENT")).isEqualTo(1);
        assertThat(count(jdbc, robin.id(), "EMAIL", "SENT")).isEqualTo(1);

        // the link opens the form without signing in, answers once, and is then gone
        URI url = URI.create("http://127.0.0.1:" + port + link.group(1));
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> form = browser.send(HttpRequest.newBuilder(url).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(200);
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(csrf.find()).isTrue();
        String answer = "action=answer&stress=2&effects=NONE&outreach=NOBODY&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> answered = browser.send(HttpRequest.newBuilder(url)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(answer)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(answered.body()).contains("Thank you");
        HttpResponse<String> again = browser.send(HttpRequest.newBuilder(url).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(404);
    }

    @Test
    void whenTheMailServerIsAwayForAWhileTheMailGoesOnceItIsBackExactlyOnce() {
        smtp.stop();
        Person sam = person(people, "Sam Outage");
        care.incidentResolved(incident(sam.id()));

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT COALESCE(MAX(attempts), 0) FROM notify_message WHERE person_id = ? AND channel = 'EMAIL'")
            .param(sam.id()).query(Integer.class).single() >= 2);
        assertThat(count(jdbc, sam.id(), "EMAIL", "PENDING")).isEqualTo(1);

        smtp.start();
        await().atMost(Duration.ofSeconds(30))
            .until(() -> smtp.getReceivedMessagesForDomain(sam.email()).length == 1);
        // and it stays at one: the worker keeps running and sends nothing more
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
            .until(() -> smtp.getReceivedMessagesForDomain(sam.email()).length == 1
                && count(jdbc, sam.id(), "EMAIL", "SENT") == 1);
    }

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    /** An end-of-shift question waiting for the person, told to notify as the scheduled job tells it. */
    private java.util.UUID askEndOfShift(Person person) {
        java.util.UUID question = java.util.UUID.randomUUID();
        java.time.Instant ended = java.time.Instant.now().minus(Duration.ofMinutes(5));
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("""
                    INSERT INTO oncall_effort (id, person_id, team_id, rotation_id, shift_starts_at, shift_ends_at,
                        asked_at) VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(question, person.id(), java.util.UUID.randomUUID(), java.util.UUID.randomUUID(),
                    java.sql.Timestamp.from(ended.minus(Duration.ofHours(12))), java.sql.Timestamp.from(ended),
                    java.sql.Timestamp.from(java.time.Instant.now()))
                .update();
            events.publishEvent(new io.aftercare.insights.EndOfShiftQuestionAsked(question, person.id(), ended));
        });
        return question;
    }

    private Integer effort(java.util.UUID question) {
        int effort = jdbc.sql("SELECT COALESCE(effort, 0) FROM oncall_effort WHERE id = ?").param(question)
            .query(Integer.class).single();
        return effort == 0 ? null : effort;
    }

    private static java.util.List<String> effortLinks(String body) {
        Matcher m = Pattern.compile("https://aftercare\\.example\\.test(/c/effort/[A-Za-z0-9_-]+)").matcher(body);
        java.util.List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            if (!found.contains(m.group(1))) {
                found.add(m.group(1));
            }
        }
        return found;
    }

    private HttpResponse<String> postTo(HttpClient browser, String path, String csrf) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> getFrom(HttpClient browser, String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theEndOfShiftQuestionArrivesWithALinkPerChoiceThatAnswersOnceAndOnlyWhenPressed() throws Exception {
        Person eve = person(people, "Eve Effort");
        java.util.UUID question = askEndOfShift(eve);

        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessagesForDomain(eve.email()).length == 1);
        MimeMessage mail = smtp.getReceivedMessagesForDomain(eve.email())[0];
        assertThat(mail.getSubject()).isEqualTo("Your on-call shift has ended");
        String body = GreenMailUtil.getBody(mail);
        java.util.List<String> links = effortLinks(body);
        assertThat(links).as("one signed link per choice").hasSize(5);
        assertThat(body).contains("None", "A little", "A fair amount", "A lot", "Everything I had");

        // following a link (as a mail scanner would) shows the answer and one button, and records nothing
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> confirm = getFrom(browser, links.get(3));
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("Your answer: A lot", "Save this answer");
        assertThat(getFrom(HttpClient.newHttpClient(), links.get(0)).statusCode()).isEqualTo(200);
        assertThat(effort(question)).isNull();

        // pressing the button records it, once
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(confirm.body());
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> saved = postTo(browser, links.get(3), csrf.group(1));
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("Thank you. Your answer is saved.");
        assertThat(effort(question)).isEqualTo(4);

        // the same link again, or another choice's, is a calm page and changes nothing
        HttpResponse<String> again = postTo(browser, links.get(3), csrf.group(1));
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(again.body()).contains("This link no longer works", "Nothing was saved");
        assertThat(getFrom(browser, links.get(0)).statusCode()).isEqualTo(404);
        assertThat(postTo(browser, links.get(0), csrf.group(1)).statusCode()).isEqualTo(404);
        assertThat(effort(question)).isEqualTo(4);
    }

    @Test
    void aTamperedOrExpiredEndOfShiftLinkGetsACalmPageAndWritesNothing() throws Exception {
        Person fay = person(people, "Fay Effort");
        java.util.UUID question = askEndOfShift(fay);
        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessagesForDomain(fay.email()).length == 1);
        java.util.List<String> links = effortLinks(GreenMailUtil.getBody(smtp.getReceivedMessagesForDomain(
            fay.email())[0]));
        assertThat(links).hasSize(5);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> confirm = getFrom(browser, links.get(1));
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(confirm.body());
        assertThat(csrf.find()).isTrue();

        // tampered: one character changed
        String tampered = links.get(1).substring(0, links.get(1).length() - 1)
            + (links.get(1).endsWith("A") ? "B" : "A");
        assertThat(getFrom(browser, tampered).statusCode()).isEqualTo(404);
        HttpResponse<String> tamperedPost = postTo(browser, tampered, csrf.group(1));
        assertThat(tamperedPost.statusCode()).isEqualTo(404);
        assertThat(tamperedPost.body()).contains("This link no longer works");
        assertThat(effort(question)).isNull();

        // expired
        jdbc.sql("UPDATE oncall_effort_link SET expires_at = ? WHERE question_id = ?")
            .params(java.sql.Timestamp.from(java.time.Instant.now().minus(Duration.ofMinutes(1))), question).update();
        assertThat(getFrom(browser, links.get(1)).statusCode()).isEqualTo(404);
        HttpResponse<String> expired = postTo(browser, links.get(1), csrf.group(1));
        assertThat(expired.statusCode()).isEqualTo(404);
        assertThat(expired.body()).contains("This link no longer works");
        assertThat(effort(question)).isNull();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM oncall_effort_link WHERE question_id = ? AND used_at IS NOT NULL")
            .param(question).query(Long.class).single()).isZero();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
