package io.aftercare.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import io.aftercare.care.CareCases;
import io.aftercare.care.ResolvedIncident;
import io.aftercare.directory.NewPerson;
import io.aftercare.directory.People;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.WebSession;

/**
 * Opening a page of Aftercare while signed out (a check-in from the inbox or an e-mail, the inbox itself) says on
 * the sign-in page where signing in will lead, and signing in goes straight there. After answering by signed link
 * (no sign-in needed), the thank-you page offers to sign in and come back to the same thank-you page.
 */
@AftercareIT
@TestPropertySource(properties = {"aftercare.care.check-in-delay=0s", "aftercare.scheduler.polling-interval=200ms"})
class SignInReturnsIT {

    static final String PASSWORD = "a calm and long password";

    @LocalServerPort
    int port;

    @Autowired
    People people;

    @Autowired
    CareCases care;

    @Autowired
    JdbcClient jdbc;

    record Person(UUID id, String email) {
    }

    private Person person() {
        String email = "back-" + UUID.randomUUID() + "@example.com";
        UUID id = people.create(new NewPerson("Rio Back", email, "Europe/Berlin", LocalTime.NOON, LocalTime.NOON,
            Set.of(), Map.of(), null, Set.of(Role.RESPONDER), List.of(), PASSWORD), null).id();
        return new Person(id, email);
    }

    private UUID checkInOf(Person p) {
        Instant resolved = Instant.now().minus(Duration.ofMinutes(1));
        care.incidentResolved(new ResolvedIncident(UUID.randomUUID(), "the queue backlog", "SEV2",
            resolved.minus(Duration.ofMinutes(90)), resolved.minus(Duration.ofMinutes(80)), resolved,
            List.of(new ResolvedIncident.Responder(p.id(), "RESPONDER", null))));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM care_step WHERE person_id = ? AND status = 'PENDING'")
            .param(p.id()).query(Long.class).single() == 1);
        return jdbc.sql("SELECT id FROM care_step WHERE person_id = ? AND kind = 'CHECK_IN'").param(p.id())
            .query(UUID.class).single();
    }

    /** Where a redirect leads, as a path and query on this site. */
    private static String target(java.net.http.HttpResponse<String> redirect) {
        assertThat(redirect.statusCode()).isEqualTo(302);
        URI location = URI.create(redirect.headers().firstValue("Location").orElseThrow());
        return location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
    }

    @Test
    void aCheckInOpenedWhileSignedOutIsNamedOnTheSignInPageAndOpensRightAfterIt() {
        Person rio = person();
        UUID checkIn = checkInOf(rio);
        WebSession browser = WebSession.anonymous(port);

        assertThat(target(browser.get("/check-ins/" + checkIn))).startsWith("/login");
        assertThat(browser.get("/login").body()).contains("Sign in to open your check-in.");
        var signedIn = browser.post("/login", Map.of("email", rio.email(), "password", PASSWORD));
        assertThat(target(signedIn)).isEqualTo("/check-ins/" + checkIn);
        assertThat(browser.follow(signedIn).body()).contains("How are you doing after the queue backlog?");
    }

    @Test
    void theInboxOpenedWhileSignedOutIsWhereSigningInLeads() {
        Person rio = person();
        WebSession browser = WebSession.anonymous(port);
        browser.get("/inbox");
        assertThat(browser.get("/login").body()).contains("Sign in to open your inbox.");
        assertThat(target(browser.post("/login", Map.of("email", rio.email(), "password", PASSWORD))))
            .isEqualTo("/inbox");

        // without a page waiting, the sign-in page promises nothing and signing in goes home
        WebSession fresh = WebSession.anonymous(port);
        assertThat(fresh.get("/login").body()).doesNotContain("Sign in to open").doesNotContain("go straight");
        assertThat(target(fresh.post("/login", Map.of("email", rio.email(), "password", PASSWORD)))).isEqualTo("/");
    }

    @Test
    void afterAnsweringBySignedLinkSigningInComesBackToTheSameThankYouPage() {
        Person rio = person();
        UUID checkIn = checkInOf(rio);
        String link = care.answerLink(checkIn).toString();
        String path = link.substring(link.indexOf("/c/"));
        WebSession browser = WebSession.anonymous(port);
        assertThat(browser.get(path).statusCode()).isEqualTo(200);

        var thanks = browser.post(path, Map.of("action", "answer", "stress", "2", "effects", "NONE"));
        assertThat(thanks.statusCode()).isEqualTo(200);
        assertThat(thanks.body()).contains("What happens next").contains("Day 7:")
            .contains("href=\"/check-ins/" + checkIn + "/thanks\"").contains("Sign in to My aftercare");

        assertThat(target(browser.get("/check-ins/" + checkIn + "/thanks"))).startsWith("/login");
        assertThat(browser.get("/login").body()).contains("Sign in to open your check-in.");
        var signedIn = browser.post("/login", Map.of("email", rio.email(), "password", PASSWORD));
        assertThat(target(signedIn)).isEqualTo("/check-ins/" + checkIn + "/thanks");
        assertThat(browser.follow(signedIn).body()).contains("What happens next")
            .contains("action=\"/me/cases/");
    }
}
