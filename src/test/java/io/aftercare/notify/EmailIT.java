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

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
