package io.aftercare.care.cases;

import static io.aftercare.care.cases.CareFixtures.PASSWORD;
import static io.aftercare.care.cases.CareFixtures.person;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.aftercare.care.cases.CareFixtures.Person;
import io.aftercare.directory.People;
import io.aftercare.identity.Role;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestApi;

/**
 * The care actions that were pages only, under /api/v1: stopping a case's questions, opting out, answering a
 * lead's suggestion, and a team's care for its leads. Each is the page's own action, open to the same people; the
 * team's care answers the same whatever any member did.
 */
@AftercareIT
class CareApiIT {

    @LocalServerPort
    int port;

    @Autowired
    People people;

    @Autowired
    JdbcClient jdbc;

    TestApi api;

    @BeforeEach
    void client() {
        api = TestApi.at(port);
    }

    private TestApi as(Person p) {
        return TestApi.at(port).basic(p.email(), PASSWORD);
    }

    /** A case of their own with its check-in waiting, as after "I had a rough one". */
    private UUID openCase(Person p) {
        var opened = as(p).post("/api/v1/me/cases", "{}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return UUID.fromString(opened.json("$.caseId"));
    }

    @Test
    void stopAskingMutesTheCaseSkipsItsWaitingCheckInAndIsNobodyElsesToDo() {
        Person kim = person(people, "Kim");
        Person other = person(people, "Other");
        UUID caseId = openCase(kim);
        assertThat(as(kim).get("/api/v1/me/check-ins").<List<String>>json("$[*].status")).containsExactly("PENDING");

        assertThat(as(other).post("/api/v1/me/cases/" + caseId + "/stop-asking", "{}").status())
            .as("someone else's case").isEqualTo(404);
        assertThat(as(kim).get("/api/v1/me/check-ins").<List<String>>json("$[*].status")).containsExactly("PENDING");

        var stopped = as(kim).post("/api/v1/me/cases/" + caseId + "/stop-asking", "{}");
        assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
        assertThat(stopped.<Boolean>json("$.muted")).isTrue();
        assertThat(stopped.<String>json("$.id")).isEqualTo(caseId.toString());
        assertThat(as(kim).get("/api/v1/me/check-ins").<List<String>>json("$[*].status")).containsExactly("SKIPPED");
        assertThat(as(kim).get("/api/v1/me/cases").<List<Boolean>>json("$[*].muted")).containsExactly(true);
        assertThat(as(kim).post("/api/v1/me/cases/" + UUID.randomUUID() + "/stop-asking", "{}").status())
            .isEqualTo(404);
    }

    @Test
    void optingOutSkipsWhatWaitsAndALeadsSuggestionNoLongerReachesThePerson() {
        Person lead = person(people, "Opt lead", Role.LEAD);
        Person sam = person(people, "Sam");
        UUID team = CareFixtures.team(jdbc, "Opting", lead.id(), sam.id());
        openCase(sam);

        var missing = as(sam).post("/api/v1/me/opt-out", "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.<String>json("$.errors[0].field")).isEqualTo("optOut");

        var out = as(sam).post("/api/v1/me/opt-out", Map.of("optOut", true));
        assertThat(out.status()).as(out.body()).isEqualTo(200);
        assertThat(out.<Boolean>json("$.optedOut")).isTrue();
        assertThat(as(sam).get("/api/v1/me/check-ins").<List<String>>json("$[*].status")).containsExactly("SKIPPED");
        assertThat(as(lead).post("/api/v1/teams/" + team + "/care/suggest", Map.of("personId", sam.id())).status())
            .isEqualTo(202);
        assertThat(as(sam).get("/api/v1/me/suggestions").<List<Object>>json("$")).as("opted out").isEmpty();

        var in = as(sam).post("/api/v1/me/opt-out", Map.of("optOut", false));
        assertThat(in.<Boolean>json("$.optedOut")).isFalse();
        assertThat(as(lead).post("/api/v1/teams/" + team + "/care/suggest", Map.of("personId", sam.id())).status())
            .isEqualTo(202);
        assertThat(as(sam).get("/api/v1/me/suggestions").<List<Object>>json("$")).as("opted back in").hasSize(1);
    }

    @Test
    void aSuggestionIsTheInvitedPersonsToAcceptOrDeclineOnce() {
        Person lead = person(people, "Inviting lead", Role.LEAD);
        Person ada = person(people, "Ada");
        Person bo = person(people, "Bo");
        UUID team = CareFixtures.team(jdbc, "Inviting", lead.id(), ada.id(), bo.id());
        as(lead).post("/api/v1/teams/" + team + "/care/suggest", Map.of("personId", ada.id()));
        as(lead).post("/api/v1/teams/" + team + "/care/suggest", Map.of("personId", bo.id()));
        String adaInvitation = as(ada).get("/api/v1/me/suggestions").json("$[0].id");
        String boInvitation = as(bo).get("/api/v1/me/suggestions").json("$[0].id");

        assertThat(as(lead).post("/api/v1/me/suggestions/" + adaInvitation, Map.of("accept", true)).status())
            .as("not the lead's to answer").isEqualTo(404);
        assertThat(as(ada).post("/api/v1/me/suggestions/" + adaInvitation, Map.of()).status()).isEqualTo(400);

        var accepted = as(ada).post("/api/v1/me/suggestions/" + adaInvitation, Map.of("accept", true));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.<Boolean>json("$.accepted")).isTrue();
        assertThat(as(ada).get("/api/v1/me/cases").<List<String>>json("$[*].id"))
            .containsExactly(accepted.<String>json("$.caseId"));
        assertThat(as(ada).get("/api/v1/me/cases").<String>json("$[0].origin")).isEqualTo("SUGGESTED");
        assertThat(as(ada).get("/api/v1/me/check-ins").<List<String>>json("$[*].id"))
            .containsExactly(accepted.<String>json("$.checkInId"));
        assertThat(as(ada).get("/api/v1/me/suggestions").<List<Object>>json("$")).isEmpty();
        assertThat(as(ada).post("/api/v1/me/suggestions/" + adaInvitation, Map.of("accept", true)).status())
            .as("answered already").isEqualTo(404);

        var declined = as(bo).post("/api/v1/me/suggestions/" + boInvitation, Map.of("accept", false));
        assertThat(declined.status()).isEqualTo(200);
        assertThat(declined.body()).isEqualTo("{\"accepted\":false}");
        assertThat(as(bo).get("/api/v1/me/cases").<List<Object>>json("$")).isEmpty();
    }

    @Test
    void aTeamsCareIsForItsLeadsAndAdminsAndNamesItsMembersOnly() {
        Person lead = person(people, "Caring lead", Role.LEAD);
        Person admin = person(people, "Caring admin", Role.ADMIN);
        Person otherLead = person(people, "Other team lead", Role.LEAD);
        Person member = person(people, "Zoe member");
        Person another = person(people, "Al member");
        Person outsider = person(people, "Outsider");
        UUID team = CareFixtures.team(jdbc, "Caring", lead.id(), member.id(), another.id());
        CareFixtures.team(jdbc, "Elsewhere", otherLead.id(), outsider.id());

        var shown = as(lead).get("/api/v1/teams/" + team + "/care");
        assertThat(shown.status()).as(shown.body()).isEqualTo(200);
        assertThat(shown.<String>json("$.teamId")).isEqualTo(team.toString());
        assertThat(shown.<String>json("$.teamName")).startsWith("Caring");
        // everyone in the team, its lead too, by name: as the page lists them
        assertThat(shown.<List<String>>json("$.members[*].name"))
            .containsExactly("Al member", "Caring lead", "Zoe member");
        assertThat(shown.<List<String>>json("$.members[*].personId"))
            .containsExactly(another.id().toString(), lead.id().toString(), member.id().toString());
        assertThat(as(admin).get("/api/v1/teams/" + team + "/care").body()).isEqualTo(shown.body());

        assertThat(as(member).get("/api/v1/teams/" + team + "/care").status()).as("a member").isEqualTo(403);
        assertThat(as(otherLead).get("/api/v1/teams/" + team + "/care").status()).as("another team's lead")
            .isEqualTo(403);
        assertThat(as(otherLead).get("/api/v1/teams/" + UUID.randomUUID() + "/care").status())
            .as("a lead, asking about no team: refused before not found").isEqualTo(403);
        assertThat(as(admin).get("/api/v1/teams/" + UUID.randomUUID() + "/care").status()).isEqualTo(404);
        assertThat(as(otherLead).post("/api/v1/teams/" + team + "/care/suggest", Map.of("personId", member.id()))
            .status()).isEqualTo(403);
        assertThat(as(lead).post("/api/v1/teams/" + team + "/care/suggest", Map.of("personId", outsider.id()))
            .status()).as("not in this team").isEqualTo(404);
        var noPerson = as(lead).post("/api/v1/teams/" + team + "/care/suggest", "{}");
        assertThat(noPerson.status()).isEqualTo(400);
        assertThat(noPerson.<String>json("$.errors[0].field")).isEqualTo("personId");
        assertThat(as(outsider).get("/api/v1/me/suggestions").<List<Object>>json("$")).isEmpty();
    }

    /**
     * If a member had answered differently, or not at all, would the lead's (or an admin's) answer differ? Each
     * step changes one member's care; the team's care and the answer to a suggestion stay the same, byte for byte.
     */
    @Test
    void aTeamsCareAndTheAnswerToASuggestionAreTheSameWhateverAMemberDid() {
        Person lead = person(people, "Steady lead", Role.LEAD);
        Person admin = person(people, "Steady admin", Role.ADMIN);
        Person answering = person(people, "Answering member");
        Person rough = person(people, "Rough member");
        Person away = person(people, "Away member");
        Person fresh = person(people, "Fresh member");
        UUID team = CareFixtures.team(jdbc, "Steady", lead.id(), answering.id(), rough.id(), away.id(), fresh.id());
        String path = "/api/v1/teams/" + team + "/care";
        String leadBefore = as(lead).get(path).body();
        String adminBefore = as(admin).get(path).body();
        assertThat(leadBefore).contains("Answering member").contains("Fresh member");

        UUID answeringCase = openCase(answering);
        String checkIn = as(answering).get("/api/v1/me/check-ins").json("$[0].id");
        var answered = as(answering).post("/api/v1/me/check-ins/" + checkIn,
            Map.of("stress", 5, "effects", List.of("SLEEPING_DIFFICULTIES"), "outreach", "PEER_SUPPORTER"));
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(as(lead).get(path).body()).as("after a member answered").isEqualTo(leadBefore);
        openCase(rough);
        assertThat(as(lead).get(path).body()).as("after a member opened a case").isEqualTo(leadBefore);
        as(away).post("/api/v1/me/opt-out", Map.of("optOut", true));
        assertThat(as(lead).get(path).body()).as("after a member opted out").isEqualTo(leadBefore);
        as(answering).post("/api/v1/me/cases/" + answeringCase + "/stop-asking", "{}");
        assertThat(as(lead).get(path).body()).as("after a member stopped the questions").isEqualTo(leadBefore);

        // to someone with nothing open, the same again (an invitation waits), an open case, opted out, answered
        List<String> answers = new ArrayList<>();
        for (Person p : List.of(fresh, fresh, rough, away, answering)) {
            var response = as(lead).post(path + "/suggest", Map.of("personId", p.id()));
            answers.add(response.status() + " " + response.body() + " " + response.headers().keySet().stream()
                .filter(h -> h != null && !h.equalsIgnoreCase("date")).sorted().toList());
        }
        assertThat(answers.get(0)).startsWith("202 ");
        assertThat(answers).as("the lead's answer to each suggestion").containsOnly(answers.get(0));
        String accept = as(fresh).get("/api/v1/me/suggestions").json("$[0].id");
        as(fresh).post("/api/v1/me/suggestions/" + accept, Map.of("accept", true));
        assertThat(as(lead).get(path).body()).as("after a suggestion was accepted").isEqualTo(leadBefore);
        assertThat(as(admin).get(path).body()).as("an admin, at the end").isEqualTo(adminBefore);
    }
}
