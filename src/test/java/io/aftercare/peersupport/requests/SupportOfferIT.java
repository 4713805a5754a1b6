package io.aftercare.peersupport.requests;

import static io.aftercare.peersupport.SupportFixtures.PASSWORD;
import static io.aftercare.peersupport.SupportFixtures.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;

import io.aftercare.care.CareCases;
import io.aftercare.directory.People;
import io.aftercare.identity.Role;
import io.aftercare.peersupport.SupportFixtures.Person;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.WebSession;

/**
 * "Would you like someone to reach out?": an answer over the programme's threshold offers a peer supporter on the
 * thank-you page (in the app, by signed link) and in the API's answer; nothing exists until the person says yes,
 * and yes assigns a supporter. Below the threshold, or when they asked for one already, there is no offer.
 */
@AftercareIT
@TestPropertySource(properties = "aftercare.scheduler.polling-interval=200ms")
class SupportOfferIT {

    static final String OFFER = "Would you like someone to reach out?";

    @LocalServerPort
    int port;

    @Autowired
    People people;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Roster roster;

    @Autowired
    CareCases care;

    @Autowired
    SchedulerClient scheduler;

    Person supporter;

    @BeforeEach
    void aSupporterAroundTheClock() {
        supporter = person(people, "Sky Supporter", null, Role.SUPPORTER);
        roster.save(new Roster.Supporter(supporter.id(), 50, List.of("en"), LocalTime.MIN, LocalTime.of(23, 59), false));
    }

    @AfterEach
    void onABreakAfterwards() {
        // other tests share the roster: this supporter takes nothing more after this test
        roster.save(new Roster.Supporter(supporter.id(), 50, List.of("en"), LocalTime.MIN, LocalTime.of(23, 59), true));
    }

    /** Someone who had a rough one: their own case, its check-in waiting. */
    UUID checkInOf(Person p) {
        return UUID.fromString(p.api(port).post("/api/v1/me/cases", "{}").json("$.checkInId"));
    }

    List<Map<String, Object>> requestsOf(Person p) {
        return jdbc.sql("SELECT origin, status, supporter_id, case_id FROM support_request WHERE person_id = ?")
            .param(p.id()).query().listOfRows();
    }

    @Test
    void theApiAnswerOverTheThresholdCarriesTheOfferAndYesAssignsASupporter() {
        Person sam = person(people, "Sam Stressed", null);
        UUID checkIn = checkInOf(sam);
        var answered = sam.api(port).post("/api/v1/me/check-ins/" + checkIn, Map.of("stress", 5,
            "effects", List.of("SLEEPING_DIFFICULTIES"), "outreach", "NOBODY"));
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(answered.<Boolean>json("$.supportOffered")).isTrue();
        assertThat(answered.<Integer>json("$.checkIn.stress")).as("the step itself, as before").isEqualTo(5);
        assertThat(requestsOf(sam)).as("an offer is only a question").isEmpty();

        var yes = sam.api(port).post("/api/v1/me/check-ins/" + checkIn + "/support-offer", "{}");
        assertThat(yes.status()).as(yes.body()).isEqualTo(201);
        assertThat(requestsOf(sam)).singleElement().satisfies(r -> {
            assertThat(r.get("origin")).isEqualTo("OFFER");
            assertThat(r.get("status")).isEqualTo("ASSIGNED");
            assertThat(r.get("supporter_id")).isNotNull();
        });
        // saying yes twice asks once: the open request means no offer stands
        assertThat(sam.api(port).post("/api/v1/me/check-ins/" + checkIn + "/support-offer", "{}").status())
            .isEqualTo(409);
        assertThat(requestsOf(sam)).hasSize(1);
    }

    @Test
    void belowTheThresholdOrAlreadyAskingThereIsNoOffer() {
        Person calm = person(people, "Cal Calm", null);
        UUID checkIn = checkInOf(calm);
        var answered = calm.api(port).post("/api/v1/me/check-ins/" + checkIn, Map.of("stress", 5,
            "effects", List.of("ANXIETY_ABOUT_NEXT_INCIDENT"), "outreach", "NOBODY"));
        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.body()).doesNotContain("supportOffered");
        assertThat(calm.api(port).post("/api/v1/me/check-ins/" + checkIn + "/support-offer", "{}").status())
            .isEqualTo(409);
        assertThat(requestsOf(calm)).isEmpty();

        Person asking = person(people, "Ash Asking", null);
        UUID theirs = checkInOf(asking);
        var asked = asking.api(port).post("/api/v1/me/check-ins/" + theirs, Map.of("stress", 5,
            "effects", List.of("SLEEPING_DIFFICULTIES"), "outreach", "PEER_SUPPORTER"));
        assertThat(asked.body()).as("they asked already: no second question").doesNotContain("supportOffered");
        await().atMost(Duration.ofSeconds(20)).until(() -> requestsOf(asking).size() == 1);
        assertThat(requestsOf(asking).get(0).get("origin")).isEqualTo("CHECK_IN");
    }

    @Test
    void theThankYouPageAsksAndOnlyYesCreatesARequest() {
        Person robin = person(people, "Robin Restless", null);
        UUID checkIn = checkInOf(robin);
        WebSession browser = WebSession.signedIn(port, robin.email(), PASSWORD);
        browser.get("/check-ins/" + checkIn);
        var posted = browser.post("/check-ins/" + checkIn, Map.of("action", "answer", "stress", "4",
            "effects", List.of("SLEEPING_DIFFICULTIES"), "outreach", "NOBODY"));
        assertThat(posted.headers().firstValue("Location").orElse("")).endsWith("/check-ins/" + checkIn + "/thanks");
        String thanks = browser.follow(posted).body();
        assertThat(thanks).contains("Thank you. Only you can see your answers.").contains(OFFER)
            .contains("Yes, please").contains("No thanks");
        assertThat(requestsOf(robin)).isEmpty();

        var no = browser.post("/check-ins/" + checkIn + "/support-offer", Map.of("accept", "false"));
        assertThat(no.headers().firstValue("Location").orElse("")).endsWith("/me");
        assertThat(browser.follow(no).body()).contains("Nobody is told.");
        assertThat(requestsOf(robin)).as("no thanks leaves nothing").isEmpty();

        // they change their mind while the page is still open
        browser.get("/check-ins/" + checkIn + "/thanks");
        var yes = browser.post("/check-ins/" + checkIn + "/support-offer", Map.of("accept", "true"));
        assertThat(yes.headers().firstValue("Location").orElse("")).endsWith("/support");
        assertThat(browser.follow(yes).body()).contains("A peer supporter will be in touch with you soon.");
        assertThat(requestsOf(robin)).singleElement().satisfies(r -> assertThat(r.get("origin")).isEqualTo("OFFER"));
        assertThat(browser.get("/check-ins/" + checkIn + "/thanks").body()).as("asked already").doesNotContain(OFFER);

        Person other = person(people, "Not Robin", null);
        WebSession nosy = WebSession.signedIn(port, other.email(), PASSWORD);
        nosy.get("/me");
        assertThat(nosy.get("/check-ins/" + checkIn + "/thanks").statusCode()).isEqualTo(404);
        assertThat(nosy.post("/check-ins/" + checkIn + "/support-offer", Map.of("accept", "true")).statusCode())
            .isEqualTo(404);
        assertThat(requestsOf(other)).isEmpty();
    }

    @Test
    void belowTheThresholdTheAppSaysThankYouAndNothingElse() {
        Person pat = person(people, "Pat Plain", null);
        UUID checkIn = checkInOf(pat);
        WebSession browser = WebSession.signedIn(port, pat.email(), PASSWORD);
        browser.get("/check-ins/" + checkIn);
        var posted = browser.post("/check-ins/" + checkIn, Map.of("action", "answer", "stress", "2",
            "effects", List.of("NONE"), "outreach", "NOBODY"));
        assertThat(posted.headers().firstValue("Location").orElse("")).endsWith("/check-ins/" + checkIn + "/thanks");
        assertThat(browser.follow(posted).body()).contains("Thank you. Only you can see your answers.")
            .doesNotContain(OFFER);
    }

    @Test
    void bySignedLinkTheOfferIsOnTheThankYouPageAndYesWorksWithoutSigningIn() {
        Person lee = person(people, "Lee Linked", null);
        UUID checkIn = checkInOf(lee);
        String link = care.answerLink(checkIn).toString();
        String path = link.substring(link.indexOf("/c/"));
        WebSession browser = WebSession.anonymous(port);
        browser.get(path);
        var thanks = browser.post(path, Map.of("action", "answer", "stress", "5",
            "effects", List.of("SLEEPING_DIFFICULTIES"), "outreach", "NOBODY"));
        assertThat(thanks.statusCode()).isEqualTo(200);
        assertThat(thanks.body()).contains(OFFER);
        assertThat(requestsOf(lee)).isEmpty();

        assertThat(browser.post("/c/forged-" + UUID.randomUUID() + "/support-offer", Map.of("accept", "true"))
            .statusCode()).isEqualTo(404);
        var yes = browser.post(path + "/support-offer", Map.of("accept", "true"));
        assertThat(yes.statusCode()).isEqualTo(200);
        assertThat(yes.body()).contains("A peer supporter will be in touch with you soon.");
        assertThat(requestsOf(lee)).singleElement().satisfies(r -> assertThat(r.get("origin")).isEqualTo("OFFER"));

        // an hour later the spent link proves nothing any more
        jdbc.sql("UPDATE care_link SET used_at = ? WHERE step_id = ?")
            .params(Instant.now().minus(Duration.ofHours(2)).atOffset(java.time.ZoneOffset.UTC), checkIn).update();
        jdbc.sql("UPDATE support_request SET status = 'CLOSED' WHERE person_id = ?").param(lee.id()).update();
        assertThat(browser.post(path + "/support-offer", Map.of("accept", "true")).statusCode()).isEqualTo(404);
        assertThat(requestsOf(lee)).hasSize(1);
    }

    @Test
    void aDayOneFollowUpWithHighRuminationOffersToo() {
        Person kim = person(people, "Kim Ruminating", null);
        UUID checkIn = checkInOf(kim);
        kim.api(port).post("/api/v1/me/check-ins/" + checkIn, Map.of("stress", 2, "effects", List.of("NONE"),
            "outreach", "NOBODY"));
        UUID day1 = jdbc.sql("SELECT id FROM care_step WHERE person_id = ? AND kind = 'FOLLOW_UP' AND step_day = 1")
            .param(kim.id()).query(UUID.class).single();
        scheduler.reschedule(TaskInstanceId.of("care-step-due", day1.toString()), Instant.now());
        await().atMost(Duration.ofSeconds(20)).until(() -> "PENDING".equals(jdbc.sql(
            "SELECT status FROM care_step WHERE id = ?").param(day1).query(String.class).single()));
        var answered = kim.api(port).post("/api/v1/me/check-ins/" + day1,
            Map.of("items", Map.of("rumination1", 5, "rumination2", 4, "rumination3", 4)));
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(answered.<Boolean>json("$.supportOffered")).isTrue();
        assertThat(requestsOf(kim)).isEmpty();
    }
}
