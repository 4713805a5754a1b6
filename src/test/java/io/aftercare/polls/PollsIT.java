package io.aftercare.polls;

import static io.aftercare.peersupport.SupportFixtures.PASSWORD;
import static io.aftercare.peersupport.SupportFixtures.person;
import static io.aftercare.peersupport.SupportFixtures.team;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.aftercare.directory.People;
import io.aftercare.identity.Role;
import io.aftercare.peersupport.SupportFixtures.Person;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestApi;
import io.aftercare.support.WebSession;

/**
 * The talk's poll from start to results: a coordinator makes it for a team, the team is invited through the inbox,
 * members answer once (a second answer is refused), results stay hidden until the close and then read "… of … were
 * stressed or very stressed"; people outside the poll and leads of other teams never reach it.
 */
@AftercareIT
class PollsIT {

    @LocalServerPort
    int port;

    @Autowired
    People people;

    @Autowired
    JdbcClient jdbc;

    static String today() {
        return LocalDate.now(ZoneOffset.UTC).toString();
    }

    TestApi api(Person p) {
        return p.api(port);
    }

    Map<String, Object> talkPoll(UUID team) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "After incidents, this quarter");
        body.put("template", "talk");
        body.put("everyone", false);
        body.put("teams", List.of(team.toString()));
        body.put("recurrence", "QUARTERLY");
        body.put("opensOn", today());
        body.put("closesOn", LocalDate.now(ZoneOffset.UTC).plusDays(7).toString());
        return body;
    }

    @Test
    void badInputIsNamedFieldByFieldAndOnlyCoordinatorsMakePolls() {
        Person cora = person(people, "Cora Polls", null, Role.COORDINATOR);
        Person lee = person(people, "Lee Polls", null, Role.LEAD);
        Map<String, Object> body = new HashMap<>();
        body.put("title", " ");
        body.put("template", "scratch");
        body.put("teams", List.of("not-a-team"));
        body.put("recurrence", "WEEKLY");
        body.put("opensOn", "2020-01-01");
        body.put("closesOn", "tomorrow");
        body.put("questions", List.of(Map.of("text", "How rested are you?", "kind", "SCALE",
            "choices", List.of("a", "b"))));
        var bad = api(cora).post("/api/v1/polls", body);
        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(bad.header("Content-Type").orElse("")).contains("application/problem+json");
        List<String> fields = bad.json("$.errors[*].field");
        assertThat(fields).contains("title", "teams", "recurrence", "opensOn", "closesOn", "questions[0].choices");

        assertThat(api(lee).post("/api/v1/polls", talkPoll(UUID.randomUUID())).status()).isEqualTo(403);

        // the page shows the same errors next to their fields, and keeps what was typed
        WebSession web = WebSession.signedIn(port, cora.email(), PASSWORD);
        assertThat(web.get("/programme/polls/new").body()).contains("After an incident, how stressed do you feel?");
        var page = web.post("/programme/polls", Map.of("title", "", "template", "talk", "audience", "teams",
            "opensOn", today(), "closesOn", "2020-01-01"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Give the poll a name people will recognise.",
            "Choose at least one team, or everyone.", "Choose the opening day or a later one.", "aria-invalid=\"true\"");
    }

    @Test
    void membersAnswerOnceResultsWaitForTheCloseAndThenReadAsASentence() {
        Person cora = person(people, "Cora Polls", null, Role.COORDINATOR);
        Person lead = person(people, "Lena Lead", null, Role.LEAD);
        Person otherLead = person(people, "Omar Lead", null, Role.LEAD);
        Person outsider = person(people, "Olu Outside", null);
        List<Person> members = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            members.add(person(people, "Member " + i, null));
        }
        UUID teamId = team(jdbc, "Polled", lead.id(), members.stream().map(Person::id).toArray(UUID[]::new));
        team(jdbc, "Elsewhere", otherLead.id(), outsider.id());

        var created = api(cora).post("/api/v1/polls", talkPoll(teamId));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String poll = created.json("$.poll.id");
        assertThat((Integer) created.json("$.rounds[0].invited")).isEqualTo(8);
        assertThat((String) created.json("$.rounds[0].status")).isEqualTo("OPEN");

        // the invitation reaches each member's inbox and leads to the poll
        WebSession first = WebSession.signedIn(port, members.get(0).email(), PASSWORD);
        awaitInbox(members.get(0).id());
        assertThat(first.get("/inbox").body()).contains("A short poll: how are incidents for you?",
            "/polls/" + poll);

        // the form: the talk's questions, nothing chosen, every question skippable
        var form = first.get("/polls/" + poll);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("After an incident, how stressed do you feel?",
            "After an incident, how often do coworkers reach out to see how you are doing?",
            "How are you coping now?", "Skip this question").doesNotContain("checked");

        // before the close: no figure, only when results appear
        WebSession coraWeb = WebSession.signedIn(port, cora.email(), PASSWORD);
        String closes = LocalDate.now(ZoneOffset.UTC).plusDays(7)
            .format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH));
        // six members answer: three stressed or very stressed (4, 5, 4), three not (1, 2, 3); one skips question 1
        int[] stress = {4, 5, 4, 1, 2, 0};
        for (int i = 0; i < stress.length; i++) {
            WebSession web = i == 0 ? first : WebSession.signedIn(port, members.get(i).email(), PASSWORD);
            assertThat(web.get("/polls/" + poll).body()).contains("Send my answers");
            Map<String, Object> answer = new HashMap<>();
            if (stress[i] > 0) {
                answer.put("q1", String.valueOf(stress[i]));
            }
            answer.put("q3", "2");
            answer.put("q4", "4");
            var sent = web.post("/polls/" + poll, answer);
            assertThat(sent.statusCode()).as("answer " + i).isEqualTo(302);
            assertThat(web.follow(sent).body()).contains("Thank you. Your answers are counted.");
        }
        // a second answer is refused, on the page and through the API, and counts nothing
        assertThat(first.get("/polls/" + poll).body()).contains("You have answered this poll. Thank you.")
            .doesNotContain("Send my answers");
        var again = api(members.get(0)).post("/api/v1/polls/" + poll + "/answers", Map.of("answers",
            Map.of("1", List.of(5))));
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        // the seventh answers through the API, choosing moderately
        assertThat(api(members.get(6)).post("/api/v1/polls/" + poll + "/answers", Map.of("answers",
            Map.of("1", List.of(3), "2", List.of(1, 3)))).status()).isEqualTo(204);
        // a wrong choice is named, and nothing is counted
        assertThat(api(lead).post("/api/v1/polls/" + poll + "/answers", Map.of("answers",
            Map.of("1", List.of(9)))).json("$.errors[0].field").equals("q1")).isTrue();

        // someone not asked: 404 on the poll and on answering
        assertThat(WebSession.signedIn(port, outsider.email(), PASSWORD).get("/polls/" + poll).statusCode())
            .isEqualTo(404);
        assertThat(api(outsider).post("/api/v1/polls/" + poll + "/answers", Map.of("answers", Map.of()))
            .status()).isEqualTo(404);

        var before = coraWeb.get("/polls/" + poll + "/results");
        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(before.body()).contains("Results appear when the poll closes on " + closes + ".")
            .doesNotContain("were stressed");
        assertThat((Boolean) api(cora).get("/api/v1/polls/" + poll + "/results").json("$.available")).isFalse();

        // results: only coordinators, admins and the poll's team's leads
        for (Person nobody : List.of(outsider, otherLead, members.get(1))) {
            assertThat(WebSession.signedIn(port, nobody.email(), PASSWORD).get("/polls/" + poll + "/results")
                .statusCode()).as(nobody.name()).isEqualTo(404);
            assertThat(api(nobody).get("/api/v1/polls/" + poll + "/results").status()).isEqualTo(404);
        }

        // closed: the figures, through the rule set, as sentences
        assertThat(api(cora).post("/api/v1/polls/" + poll + "/close", Map.of()).status()).isEqualTo(200);
        String after = coraWeb.get("/polls/" + poll + "/results").body();
        assertThat(after).contains("3 of 7 (42.9%) were stressed or very stressed",
            "2 or fewer of 7 answered “Very stressed”", "The reach-out gap",
            "all but 2 or fewer of 7 said they often or always reach out to coworkers",
            "2 or fewer of 7 said coworkers often or always reach out to them");
        String leadSees = WebSession.signedIn(port, lead.email(), PASSWORD).get("/polls/" + poll + "/results").body();
        assertThat(leadSees).contains("3 of 7 (42.9%) were stressed or very stressed");
        assertThat((String) api(cora).get("/api/v1/polls/" + poll + "/results")
            .json("$.questions[0].headline.sentence")).isEqualTo("3 of 7 (42.9%) were stressed or very stressed");
        // nobody answers a closed round
        assertThat(api(members.get(6)).post("/api/v1/polls/" + poll + "/answers", Map.of("answers", Map.of()))
            .status()).isIn(404, 409);
        // a quarterly poll has its next round planned
        assertThat((String) api(cora).get("/api/v1/polls/" + poll).json("$.rounds[0].status")).isEqualTo("PLANNED");
    }

    @Test
    void withFewerThanFiveOthersNothingIsShown() {
        Person cora = person(people, "Cora Few", null, Role.COORDINATOR);
        List<Person> members = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            members.add(person(people, "Few " + i, null));
        }
        UUID teamId = team(jdbc, "Few", null, members.stream().map(Person::id).toArray(UUID[]::new));
        String poll = api(cora).post("/api/v1/polls", talkPoll(teamId)).json("$.poll.id");
        for (Person m : members) {
            assertThat(api(m).post("/api/v1/polls/" + poll + "/answers", Map.of("answers", Map.of("1", List.of(5))))
                .status()).isEqualTo(204);
        }
        api(cora).post("/api/v1/polls/" + poll + "/close", Map.of());
        String page = WebSession.signedIn(port, cora.email(), PASSWORD).get("/polls/" + poll + "/results").body();
        assertThat(page).contains("Not enough answers to show without identifying anyone")
            .doesNotContain("of 4").doesNotContain("were stressed or very stressed");
    }

    @Test
    void theApiListsYourOwnOpenPollsAndTheirQuestionsAndNothingOfAnyoneElse() {
        Person cora = person(people, "Cora Mine", null, Role.COORDINATOR);
        Person ada = person(people, "Ada Asked", null);
        Person ben = person(people, "Ben Asked", null);
        Person olu = person(people, "Olu NotAsked", null);
        UUID teamId = team(jdbc, "Asked", null, ada.id(), ben.id());
        team(jdbc, "NotAsked", null, olu.id());
        String poll = api(cora).post("/api/v1/polls", talkPoll(teamId)).json("$.poll.id");

        var mine = api(ada).get("/api/v1/me/polls");
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        assertThat((List<String>) mine.json("$[*].id")).containsExactly(poll);
        assertThat((Boolean) mine.json("$[0].answered")).isFalse();
        assertThat((String) mine.json("$[0].title")).isEqualTo("After incidents, this quarter");
        assertThat((String) mine.json("$[0].closesOn"))
            .isEqualTo(LocalDate.now(ZoneOffset.UTC).plusDays(7).toString());

        var one = api(ada).get("/api/v1/me/polls/" + poll);
        assertThat(one.status()).as(one.toString()).isEqualTo(200);
        assertThat((String) one.json("$.questions[0].text")).isEqualTo("After an incident, how stressed do you feel?");
        assertThat((List<String>) one.json("$.questions[0].choices")).hasSize(5);
        assertThat((String) one.json("$.questions[1].kind")).isEqualTo("MANY");
        assertThat((String) one.json("$.poll.standing")).isEqualTo("TO_ANSWER");

        // someone else answering changes nothing Ada's answers say
        String adaBefore = api(ada).get("/api/v1/me/polls").body();
        String adaOneBefore = api(ada).get("/api/v1/me/polls/" + poll).body();
        assertThat(api(ben).post("/api/v1/polls/" + poll + "/answers", Map.of("answers", Map.of("1", List.of(5))))
            .status()).isEqualTo(204);
        assertThat(api(ada).get("/api/v1/me/polls").body()).isEqualTo(adaBefore);
        assertThat(api(ada).get("/api/v1/me/polls/" + poll).body()).isEqualTo(adaOneBefore);
        // Ben sees his own answer marked, still listed while the round is open
        assertThat((Boolean) api(ben).get("/api/v1/me/polls").json("$[0].answered")).isTrue();
        assertThat((String) api(ben).get("/api/v1/me/polls/" + poll).json("$.poll.standing")).isEqualTo("ANSWERED");

        // not asked: an empty list and 404, as a problem detail, like the page
        assertThat((List<Object>) api(olu).get("/api/v1/me/polls").json("$")).isEmpty();
        var notAsked = api(olu).get("/api/v1/me/polls/" + poll);
        assertThat(notAsked.status()).isEqualTo(404);
        assertThat(notAsked.header("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(WebSession.signedIn(port, olu.email(), PASSWORD).get("/polls/" + poll).statusCode())
            .isEqualTo(404);
        assertThat(api(olu).get("/api/v1/me/polls/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(TestApi.at(port).anonymous().get("/api/v1/me/polls").status()).isEqualTo(401);

        // once closed, it is no longer listed
        api(cora).post("/api/v1/polls/" + poll + "/close", Map.of());
        assertThat((List<Object>) api(ada).get("/api/v1/me/polls").json("$")).isEmpty();
        assertThat((String) api(ada).get("/api/v1/me/polls/" + poll).json("$.poll.standing")).isEqualTo("NOT_OPEN");
    }

    void awaitInbox(UUID person) {
        org.awaitility.Awaitility.await("a poll invitation in the inbox").atMost(java.time.Duration.ofSeconds(10))
            .until(() -> jdbc.sql("SELECT COUNT(*) FROM notify_message WHERE person_id = ? AND kind = ?")
                .param(person).param("POLL_INVITATION").query(Long.class).single() > 0);
    }
}
