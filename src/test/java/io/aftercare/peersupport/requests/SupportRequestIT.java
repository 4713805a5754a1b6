package io.aftercare.peersupport.requests;

import static io.aftercare.peersupport.SupportFixtures.PASSWORD;
import static io.aftercare.peersupport.SupportFixtures.person;
import static io.aftercare.peersupport.SupportFixtures.team;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

import com.github.kagkarlsson.scheduler.SchedulerClient;

import io.aftercare.care.SupportOfferHook;
import io.aftercare.directory.People;
import io.aftercare.identity.Role;
import io.aftercare.peersupport.SupportFixtures.Person;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.WebSession;

/**
 * Tier 2 on H2 and PostgreSQL: asking, assignment with exclusions, what a supporter sees (only their own, only what
 * was shared), acknowledgement, contact, closing, and the deadline moving a request on through the scheduler.
 */
@AftercareIT
@TestPropertySource(properties = "aftercare.scheduler.polling-interval=200ms")
class SupportRequestIT {

    @LocalServerPort
    int port;

    @Autowired
    People people;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Roster roster;

    @Autowired
    SchedulerClient scheduler;

    @Autowired
    SupportOfferHook offers;

    @Autowired
    SupportRequestService requests;

    Person supporter(String name, UUID manager) {
        Person p = person(people, name, manager, Role.SUPPORTER);
        // around the clock, so that "one working hour" is one hour whenever the test runs
        roster.save(new Roster.Supporter(p.id(), 10, List.of("en"), LocalTime.MIN, LocalTime.of(23, 59), false));
        return p;
    }

    /** Someone to ask, and supporters: two eligible ones, one in the same team, one with the same manager. */
    record World(Person sam, Person alex, Person blair, Person sameTeam, Person sameLine) {
    }

    World world() {
        // earlier tests' supporters share the roster: they take a break, so that each test has its own world
        jdbc.sql("UPDATE support_supporter SET on_break = TRUE").update();
        Person boss = person(people, "Bo Boss", null);
        Person sam = person(people, "Sam Asks", boss.id());
        Person alex = supporter("Alex Supporter", null);
        Person blair = supporter("Blair Supporter", null);
        Person sameTeam = supporter("Casey Teammate", null);
        Person sameLine = supporter("Dana Sibling", boss.id());
        team(jdbc, "Asking", null, sam.id(), sameTeam.id());
        team(jdbc, "Helping", null, alex.id(), blair.id());
        return new World(sam, alex, blair, sameTeam, sameLine);
    }

    Map<String, Object> request(UUID id) {
        return jdbc.sql("SELECT status, supporter_id, assignment_id FROM support_request WHERE id = ?").param(id)
            .query().singleRow();
    }

    @Test
    void aSupporterSeesOnlyTheirOwnRequestsAndOnlyWhatWasSharedAndTakesItToContactMade() {
        World w = world();
        var asked = w.sam().api(port).post("/api/v1/me/support-requests", Map.of("note", "Rough night, a coffee chat would help"));
        assertThat(asked.status()).isEqualTo(201);
        UUID id = UUID.fromString(asked.json("$.id"));
        assertThat((String) asked.json("$.status")).isEqualTo("WAITING");
        // asking again while one is open changes nothing
        assertThat((String) w.sam().api(port).post("/api/v1/me/support-requests", "{}").json("$.id"))
            .isEqualTo(id.toString());

        UUID assigned = (UUID) request(id).get("supporter_id");
        assertThat(assigned).isIn(w.alex().id(), w.blair().id());
        Person mine = assigned.equals(w.alex().id()) ? w.alex() : w.blair();
        Person other = mine == w.alex() ? w.blair() : w.alex();

        var seen = mine.api(port).get("/api/v1/me/support-requests");
        assertThat(seen.<List<String>>json("$.assigned[*].personName")).containsExactly("Sam Asks");
        assertThat(seen.<List<String>>json("$.assigned[*].note")).containsExactly("Rough night, a coffee chat would help");
        assertThat(seen.body()).doesNotContain("stress").doesNotContain("effects");
        for (Person p : List.of(other, w.sameTeam(), w.sameLine())) {
            var theirs = p.api(port).get("/api/v1/me/support-requests");
            assertThat(theirs.body()).doesNotContain("Sam Asks").doesNotContain("coffee");
            assertThat(p.api(port).post("/api/v1/me/support-requests/" + id + "/acknowledge", "{}").status())
                .isEqualTo(404);
        }
        // the person asking is not a supporter: the supporter's routes are closed to them
        assertThat(w.sam().api(port).post("/api/v1/me/support-requests/" + id + "/acknowledge", "{}").status())
            .isEqualTo(403);
        // the note is ciphertext at rest
        assertThat(new String(jdbc.sql("SELECT note_ciphertext FROM support_request WHERE id = ?").param(id)
            .query(byte[].class).single(), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("coffee");

        var ack = mine.api(port).post("/api/v1/me/support-requests/" + id + "/acknowledge", "{}");
        assertThat(ack.status()).isEqualTo(200);
        assertThat((String) ack.json("$.status")).isEqualTo("ACKNOWLEDGED");
        assertThat(w.sam().api(port).get("/api/v1/me/support-requests").<List<String>>json("$.mine[*].supporterName"))
            .containsExactly(mine.name());
        assertThat((String) mine.api(port).post("/api/v1/me/support-requests/" + id + "/contact-made", "{}")
            .json("$.status")).isEqualTo("CONTACT_MADE");
        var closed = w.sam().api(port).post("/api/v1/me/support-requests/" + id + "/close", "{}");
        assertThat((String) closed.json("$.status")).isEqualTo("CLOSED");
        assertThat(jdbc.sql("SELECT outcome FROM support_assignment WHERE request_id = ?").param(id)
            .query(String.class).list()).containsExactly("ACKNOWLEDGED");
        // once closed, what Sam wrote leaves the supporter's view
        var afterClose = mine.api(port).get("/api/v1/me/support-requests");
        assertThat(afterClose.<List<String>>json("$.assigned[*].personName")).containsExactly("Sam Asks");
        assertThat(afterClose.body()).doesNotContain("Rough night");
    }

    @Test
    void aRequestNotAcknowledgedInTimeMovesToTheNextSupporterAndThenCoordinatorsAreTold() {
        World w = world();
        UUID id = UUID.fromString(w.sam().api(port).post("/api/v1/me/support-requests", "{}").json("$.id"));
        UUID first = (UUID) request(id).get("supporter_id");
        UUID firstAssignment = (UUID) request(id).get("assignment_id");
        Instant due = jdbc.sql("SELECT ack_due_at FROM support_assignment WHERE id = ?").param(firstAssignment)
            .query(java.time.OffsetDateTime.class).single().toInstant();
        assertThat(due).isBetween(Instant.now().plus(Duration.ofMinutes(55)), Instant.now().plus(Duration.ofMinutes(61)));

        // an hour passes
        scheduler.reschedule(RequestScheduling.ACK_DUE.instanceId(firstAssignment.toString()), Instant.now());
        await().atMost(Duration.ofSeconds(30)).until(() -> !firstAssignment.equals(request(id).get("assignment_id")));
        UUID second = (UUID) request(id).get("supporter_id");
        assertThat(second).isNotEqualTo(first).isNotIn(w.sameTeam().id(), w.sameLine().id());
        // every further hour it moves on (other tests' supporters are eligible too), until nobody eligible is left
        for (int i = 0; i < 20 && !"UNASSIGNED".equals(request(id).get("status")); i++) {
            UUID current = (UUID) request(id).get("assignment_id");
            scheduler.reschedule(RequestScheduling.ACK_DUE.instanceId(current.toString()), Instant.now());
            await().atMost(Duration.ofSeconds(30)).until(() -> !current.equals(request(id).get("assignment_id")));
        }
        assertThat(request(id).get("status")).isEqualTo("UNASSIGNED");
        List<UUID> tried = jdbc.sql("SELECT supporter_id FROM support_assignment WHERE request_id = ?").param(id)
            .query(UUID.class).list();
        assertThat(tried).doesNotHaveDuplicates().doesNotContain(w.sameTeam().id(), w.sameLine().id(), w.sam().id());
        assertThat(jdbc.sql("SELECT outcome FROM support_assignment WHERE request_id = ?").param(id)
            .query(String.class).list()).allMatch("TIMED_OUT"::equals);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM support_notice WHERE request_id = ? AND resolved_at IS NULL")
            .param(id).query(Long.class).single()).isEqualTo(1);
        // the first supporter no longer sees it
        Person firstPerson = first.equals(w.alex().id()) ? w.alex() : w.blair();
        assertThat(firstPerson.api(port).get("/api/v1/me/support-requests").body()).doesNotContain("Sam Asks");
    }

    @Test
    void aCoordinatorSeesAWaitingRequestWithoutWhoseItIsAndCanStillTryAgain() {
        World w = world();
        // only Alex is available: the request goes to Alex, times out, and then nobody eligible is left
        jdbc.sql("UPDATE support_supporter SET on_break = TRUE WHERE person_id <> ?").param(w.alex().id()).update();
        UUID id = UUID.fromString(w.sam().api(port).post("/api/v1/me/support-requests",
            Map.of("note", "Could use a chat")).json("$.id"));
        UUID assignment = (UUID) request(id).get("assignment_id");
        assertThat(request(id).get("supporter_id")).isEqualTo(w.alex().id());
        scheduler.reschedule(RequestScheduling.ACK_DUE.instanceId(assignment.toString()), Instant.now());
        await().atMost(Duration.ofSeconds(30)).until(() -> "UNASSIGNED".equals(request(id).get("status")));

        Person coordinator = person(people, "Cora Coordinator", null, Role.COORDINATOR);
        WebSession coordinatorPage = WebSession.signedIn(port, coordinator.email(), PASSWORD);
        String reference = id.toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        String page = coordinatorPage.get("/programme/support").body();
        assertThat(page).contains("Request " + reference)
            .contains("Waiting for less than a day.")
            .contains("Offered to one supporter, who could not take it in time.")
            .as("whose request it is, what they wrote and when to the minute stay with the supporter")
            .doesNotContain(w.sam().name()).doesNotContain("Could use a chat");
        String requestedAt = jdbc.sql("SELECT requested_at FROM support_request WHERE id = ?").param(id)
            .query(java.time.OffsetDateTime.class).single().atZoneSameInstant(java.time.ZoneOffset.UTC)
            .toLocalTime().withSecond(0).withNano(0).toString();
        assertThat(page).doesNotContain(requestedAt);

        // Blair comes back from a break; "Try again" on the reference assigns the request to Blair
        jdbc.sql("UPDATE support_supporter SET on_break = FALSE WHERE person_id = ?").param(w.blair().id()).update();
        var retried = coordinatorPage.post("/programme/support/requests/" + id + "/retry", Map.of());
        assertThat(retried.statusCode()).isEqualTo(302);
        assertThat(coordinatorPage.follow(retried).body()).doesNotContain("Request " + reference);
        assertThat(request(id).get("supporter_id")).isEqualTo(w.blair().id());
        assertThat(w.blair().api(port).get("/api/v1/me/support-requests")
            .<List<String>>json("$.assigned[*].personName")).containsExactly(w.sam().name());
    }

    @Test
    void amongEqualSupportersTheRequestGoesToOneWhoCanBeToldNowNotOneInTheirQuietHours() {
        World w = world();
        // Alex and Blair are alike in load, week and working hours; one of them is in their own quiet hours now,
        // and it is the one the last tie-break (the id) would pick, so that only the quiet hours can decide
        Person quiet = w.alex().id().compareTo(w.blair().id()) < 0 ? w.alex() : w.blair();
        Person awake = quiet == w.alex() ? w.blair() : w.alex();
        LocalTime now = LocalTime.now(java.time.ZoneOffset.UTC).withNano(0);
        jdbc.sql("UPDATE person SET quiet_start = ?, quiet_end = ? WHERE id = ?")
            .params(now.minusHours(2), now.plusHours(2), quiet.id()).update();

        UUID id = UUID.fromString(w.sam().api(port).post("/api/v1/me/support-requests", "{}").json("$.id"));

        assertThat(request(id).get("supporter_id")).as("the supporter who can be told and answer now")
            .isEqualTo(awake.id());
        assertThat(w.sam().api(port).get("/api/v1/me/support-requests").<List<String>>json("$.mine[*].status"))
            .containsExactly("WAITING");
    }

    List<String> inboxKinds(Person p) {
        return p.api(port).get("/api/v1/me/inbox").<List<String>>json("$[*].kind");
    }

    @Test
    void aRequestNobodyCanTakeIsSaidPlainlyCoordinatorsHearOnceAndTryAgainTellsTheSupporterAndThePerson() {
        World w = world();
        // every supporter is away: nobody can take Sam's request
        jdbc.sql("UPDATE support_supporter SET on_break = TRUE").update();
        java.util.Locale here = java.util.Locale.getDefault();
        String line = "Listening line " + UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO support_resource (id, country, language, kind, name, description, contact, url, created_at)
                VALUES (?, ?, ?, 'CRISIS', ?, '', '0800 000 000', 'https://listening.example', CURRENT_TIMESTAMP)""")
            .params(UUID.randomUUID(), here.getCountry(), here.getLanguage(), line).update();
        WebSession samPage = WebSession.signedIn(port, w.sam().email(), PASSWORD);
        samPage.get("/support");
        var asked = samPage.post("/support/requests", Map.of("note", "Could do with a chat"));
        String page = samPage.follow(asked).body();
        assertThat(page).contains("No peer supporter is free just yet")
            .contains("coordinators are told, and we will let you know here and by message")
            .as("who they can talk to meanwhile").contains(line).contains("0800 000 000")
            .doesNotContain("A peer supporter will be in touch").doesNotContain("They will be in touch soon");
        UUID id = jdbc.sql("SELECT id FROM support_request WHERE person_id = ?").param(w.sam().id())
            .query(UUID.class).single();
        assertThat(request(id).get("status")).isEqualTo("UNASSIGNED");
        await().atMost(Duration.ofSeconds(30)).until(() -> inboxKinds(w.sam()).contains("SUPPORT_WAITING"));
        assertThat(w.sam().api(port).get("/api/v1/me/inbox")
            .<List<String>>json("$[?(@.kind == 'SUPPORT_WAITING')].link")).containsExactly("/support");

        // the daily notice: every coordinator hears that requests wait, and nothing about whose
        Person cora = person(people, "Cora Coordinator", null, Role.COORDINATOR);
        assertThat(requests.tellCoordinatorsOfWaiting()).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> inboxKinds(cora).contains("SUPPORT_WAITING_COORDINATOR"));
        var coraInbox = cora.api(port).get("/api/v1/me/inbox");
        assertThat(coraInbox.<List<String>>json("$[?(@.kind == 'SUPPORT_WAITING_COORDINATOR')].title"))
            .containsExactly("Support requests are waiting for a supporter");
        assertThat(coraInbox.<List<String>>json("$[?(@.kind == 'SUPPORT_WAITING_COORDINATOR')].link"))
            .containsExactly("/programme/support");
        assertThat(coraInbox.body()).doesNotContain(w.sam().name()).doesNotContain("Could do with a chat")
            .doesNotContain(id.toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT));
        assertThat(w.alex().api(port).get("/api/v1/me/inbox").body()).as("only coordinators")
            .doesNotContain("SUPPORT_WAITING_COORDINATOR");
        // nothing new has started waiting since: the next day's notice does not come
        assertThat(requests.tellCoordinatorsOfWaiting()).isFalse();

        // Blair is back; "Try again" gives Blair the request, and Blair is told as for any request
        jdbc.sql("UPDATE support_supporter SET on_break = FALSE WHERE person_id = ?").param(w.blair().id()).update();
        WebSession coordinatorPage = WebSession.signedIn(port, cora.email(), PASSWORD);
        coordinatorPage.get("/programme/support");
        assertThat(coordinatorPage.post("/programme/support/requests/" + id + "/retry", Map.of()).statusCode())
            .isEqualTo(302);
        assertThat(request(id).get("supporter_id")).isEqualTo(w.blair().id());
        await().atMost(Duration.ofSeconds(30)).until(() -> inboxKinds(w.blair()).contains("SUPPORT_REQUEST"));
        // and Sam, who was told nobody was free, is told that someone is
        await().atMost(Duration.ofSeconds(30)).until(() -> inboxKinds(w.sam()).contains("SUPPORT_FOUND"));
        assertThat(samPage.get("/support").body()).doesNotContain("No peer supporter is free just yet")
            .contains("We are finding a supporter for you.");

        // Blair sees how to reach Sam once they say they will be in touch, not before
        var before = w.blair().api(port).get("/api/v1/me/support-requests");
        assertThat(before.<List<Object>>json("$.assigned[*].contact")).containsExactly((Object) null);
        WebSession blairPage = WebSession.signedIn(port, w.blair().email(), PASSWORD);
        assertThat(blairPage.get("/support/assigned").body()).doesNotContain(w.sam().email())
            .contains("Once you say you will be in touch, you will see how they would like to be reached.");
        w.blair().api(port).post("/api/v1/me/support-requests/" + id + "/acknowledge", "{}");
        var after = w.blair().api(port).get("/api/v1/me/support-requests");
        assertThat(after.<List<String>>json("$.assigned[*].contact.channel")).containsExactly("EMAIL");
        assertThat(after.<List<String>>json("$.assigned[*].contact.address")).containsExactly(w.sam().email());
        assertThat(blairPage.get("/support/assigned").body())
            .contains("They would like to hear from you by e-mail:").contains("mailto:" + w.sam().email());
        // once closed, the supporter no longer has it
        w.sam().api(port).post("/api/v1/me/support-requests/" + id + "/close", "{}");
        assertThat(w.blair().api(port).get("/api/v1/me/support-requests").body()).doesNotContain(w.sam().email());
    }

    /** Whoever holds the request now (every test's supporters are on the one roster). */
    Person supporterOf(UUID requestId) {
        UUID id = (UUID) request(requestId).get("supporter_id");
        return jdbc.sql("SELECT name, email FROM person WHERE id = ?").param(id)
            .query((rs, n) -> new Person(id, rs.getString(1), rs.getString(2))).single();
    }

    @Test
    void contactNotMadeWithinADayOfAcknowledgingTellsTheCoordinatorAndRemindsTheSupporter() {
        world();
        Person quinn = person(people, "Quinn Waiting " + UUID.randomUUID(), null);
        UUID id = UUID.fromString(quinn.api(port).post("/api/v1/me/support-requests", "{}").json("$.id"));
        Person mine = supporterOf(id);
        assertThat(mine.api(port).post("/api/v1/me/support-requests/" + id + "/acknowledge", "{}").status())
            .isEqualTo(200);
        var job = scheduler.getScheduledExecution(RequestScheduling.CONTACT_DUE.instanceId(id.toString()));
        assertThat(job).as("the contact deadline is a job in the database").isPresent();
        assertThat(job.get().getExecutionTime())
            .isBetween(Instant.now().plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(24)));

        Person coordinator = person(people, "Cora Coordinator", null, Role.COORDINATOR);
        WebSession coordinatorPage = WebSession.signedIn(port, coordinator.email(), PASSWORD);
        String overdueLine = mine.name() + " said they would be in touch, ";
        assertThat(coordinatorPage.get("/programme/support").body()).doesNotContain(overdueLine);

        // a day passes without "contact made"
        scheduler.reschedule(RequestScheduling.CONTACT_DUE.instanceId(id.toString()), Instant.now());
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM support_notice WHERE request_id = ? AND kind = 'CONTACT_OVERDUE'")
            .param(id).query(Long.class).single() == 1);
        String page = coordinatorPage.get("/programme/support").body();
        assertThat(page).contains("Contact overdue").contains(overdueLine + "less than a day ago.")
            .as("the coordinator follows up with the supporter; the person's name is not needed")
            .doesNotContain(quinn.name());
        WebSession supporterPage = WebSession.signedIn(port, mine.email(), PASSWORD);
        assertThat(supporterPage.get("/support/assigned").body()).contains("It is past the time to say hello.");
        assertThat(mine.api(port).get("/api/v1/me/support-requests").<List<Boolean>>json("$.assigned[*].contactOverdue"))
            .containsExactly(true);

        assertThat((String) mine.api(port).post("/api/v1/me/support-requests/" + id + "/contact-made", "{}")
            .json("$.status")).isEqualTo("CONTACT_MADE");
        assertThat(coordinatorPage.get("/programme/support").body()).doesNotContain(overdueLine);
        assertThat(supporterPage.get("/support/assigned").body()).doesNotContain("It is past the time to say hello.");
    }

    @Test
    void contactMadeInTimeLeavesTheDeadlineNothingToDo() {
        World w = world();
        UUID id = UUID.fromString(w.sam().api(port).post("/api/v1/me/support-requests", "{}").json("$.id"));
        Person mine = supporterOf(id);
        mine.api(port).post("/api/v1/me/support-requests/" + id + "/acknowledge", "{}");
        mine.api(port).post("/api/v1/me/support-requests/" + id + "/contact-made", "{}");
        scheduler.reschedule(RequestScheduling.CONTACT_DUE.instanceId(id.toString()), Instant.now());
        await().atMost(Duration.ofSeconds(30)).until(() -> scheduler.getScheduledExecution(
            RequestScheduling.CONTACT_DUE.instanceId(id.toString())).isEmpty());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM support_notice WHERE request_id = ?").param(id)
            .query(Long.class).single()).isZero();
    }

    @Test
    void theOfferThresholdIsTheCoordinatorsAndAnOfferIsOnlyAQuestion() {
        Person nia = person(people, "Nia Notasked", null);
        assertThat(offers.shouldOffer(nia.id(), answers(4, Set.of("SLEEPING_DIFFICULTIES"), null))).isTrue();
        assertThat(offers.shouldOffer(nia.id(), answers(5, Set.of("ANXIETY"), null))).isFalse();
        assertThat(offers.shouldOffer(nia.id(), answers(2, Set.of(), 4.0))).isTrue();
        assertThat(offers.shouldOffer(nia.id(), answers(3, Set.of("SLEEPING_DIFFICULTIES"), 3.7))).isFalse();
        offers.shouldOffer(nia.id(), answers(5, Set.of("SLEEPING_DIFFICULTIES"), 5.0));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM support_request WHERE person_id = ?").param(nia.id())
            .query(Long.class).single()).isZero();
        // once they have a request open, there is nothing to offer
        nia.api(port).post("/api/v1/me/support-requests", "{}");
        assertThat(offers.shouldOffer(nia.id(), answers(5, Set.of("SLEEPING_DIFFICULTIES"), 5.0))).isFalse();
    }

    static SupportOfferHook.OwnAnswers answers(Integer stress, Set<String> effects, Double rumination) {
        return new SupportOfferHook.OwnAnswers(stress, effects, rumination);
    }
}
