package io.aftercare.care.cases;

import static io.aftercare.care.cases.CareFixtures.PASSWORD;
import static io.aftercare.care.cases.CareFixtures.person;
import static io.aftercare.care.cases.CareFixtures.sev2;
import static io.aftercare.care.cases.CareFixtures.stepStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import io.aftercare.care.CareCases;
import io.aftercare.care.cases.CareFixtures.Person;
import io.aftercare.crypto.PersonalEncryption;
import io.aftercare.directory.People;
import io.aftercare.identity.AftercareUser;
import io.aftercare.identity.Role;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestApi;
import io.aftercare.support.WebSession;

/**
 * Answers, scores and notes reach nobody but their owner: not another responder, not their lead, not an admin,
 * not an API token of someone else, not a forged, expired or reused link. Notes are not in the database in
 * plain text, and destroying the person's key makes them unreadable for good.
 */
@AftercareIT
@AutoConfigureMockMvc(print = org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint.NONE)
@TestPropertySource(properties = {"aftercare.care.check-in-delay=0s", "aftercare.scheduler.polling-interval=200ms"})
class CarePrivacyIT {

    @LocalServerPort
    int port;

    @Autowired
    People people;

    @Autowired
    CareCases care;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    MockMvc mvc;

    @Autowired
    PersonalEncryption encryption;

    TestApi api;
    Person owner;
    String note;
    UUID checkIn;
    UUID caseId;

    @BeforeEach
    void anAnsweredCheckInWithANote() {
        api = TestApi.at(port);
        owner = person(people, "Owner");
        note = "plaintext-that-must-not-leak-" + UUID.randomUUID();
        caseId = care.incidentResolved(sev2("Secret-free title", owner.id())).get(0);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM care_step WHERE person_id = ? AND status = 'PENDING'")
            .param(owner.id()).query(Long.class).single() == 1);
        checkIn = jdbc.sql("SELECT id FROM care_step WHERE person_id = ? AND kind = 'CHECK_IN'").param(owner.id())
            .query(UUID.class).single();
    }

    private void answerWithNote() {
        var answered = api.basic(owner.email(), PASSWORD).post("/api/v1/me/check-ins/" + checkIn,
            Map.of("stress", 5, "effects", List.of("LOSS_OF_CONFIDENCE"), "outreach", "PEER_SUPPORTER", "note", note));
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
    }

    private static AftercareUser signedIn(Person p, Role... roles) {
        EnumSet<Role> all = EnumSet.of(Role.RESPONDER);
        all.addAll(List.of(roles));
        return new AftercareUser(p.id(), p.email(), all, false, null, true);
    }

    @Test
    void theNoteIsInNoTableInPlainTextAndIsGoneWithThePersonsKey() throws Exception {
        answerWithNote();
        assertThat(api.basic(owner.email(), PASSWORD).get("/api/v1/me/check-ins").body()).contains(note);

        List<String> found = scanDatabaseFor(note);
        assertThat(found).as("columns holding the note's plain text").isEmpty();
        byte[] stored = jdbc.sql("SELECT note_ciphertext FROM care_check_in_answer WHERE step_id = ?").param(checkIn)
            .query(byte[].class).single();
        assertThat(stored).isNotEmpty();
        assertThat(encryption.decryptText(owner.id(), stored, "care.note:" + checkIn)).isEqualTo(note);

        encryption.destroyKey(owner.id());
        var after = api.basic(owner.email(), PASSWORD).get("/api/v1/me/check-ins");
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.body()).doesNotContain(note);
        assertThat(after.<Integer>json("$[0].checkIn.stress")).as("the rest of the answer stays").isEqualTo(5);
    }

    /** Every text and binary column of every table, read back and searched for the text (as UTF-8 for bytes). */
    private List<String> scanDatabaseFor(String text) throws Exception {
        List<String> hits = new ArrayList<>();
        List<String[]> columns = jdbc.sql("""
                SELECT table_name, column_name, data_type FROM information_schema.columns
                WHERE LOWER(table_schema) = 'public'""")
            .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3).toLowerCase()})
            .list();
        assertThat(columns).extracting(c -> c[0]).contains("care_check_in_answer", "crypto_person_key");
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        int scanned = 0;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String[] col : columns) {
                String type = col[2];
                boolean binary = type.contains("bytea") || type.contains("binary") || type.contains("blob");
                boolean textual = type.contains("char") || type.contains("text") || type.contains("clob")
                    || type.contains("json");
                if (!binary && !textual) {
                    continue;
                }
                scanned++;
                try (ResultSet rs = s.executeQuery("SELECT \"" + col[1] + "\" FROM \"" + col[0] + "\"")) {
                    while (rs.next()) {
                        byte[] value = binary ? rs.getBytes(1) : bytes(rs.getString(1));
                        if (value != null && indexOf(value, needle) >= 0) {
                            hits.add(col[0] + "." + col[1]);
                        }
                    }
                }
            }
        }
        assertThat(scanned).as("text and binary columns scanned").isGreaterThan(20);
        return hits;
    }

    private static byte[] bytes(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void nobodyElseReachesTheAnswersWhateverTheirRoleOrToken() throws Exception {
        answerWithNote();
        Person other = person(people, "Other");
        Person lead = person(people, "Lead", Role.LEAD);
        Person admin = person(people, "Admin", Role.ADMIN);
        Person coordinator = person(people, "Coordinator", Role.COORDINATOR);
        UUID team = CareFixtures.team(jdbc, "Payments", lead.id(), owner.id(), other.id());
        String adminToken = api.basic(admin.email(), PASSWORD).post("/api/v1/tokens", Map.of("name", "script"))
            .json("$.token");
        String otherToken = api.basic(other.email(), PASSWORD).post("/api/v1/tokens", Map.of("name", "bot"))
            .json("$.token");

        List<TestApi> strangers = List.of(api.basic(other.email(), PASSWORD), api.basic(lead.email(), PASSWORD),
            api.basic(admin.email(), PASSWORD), api.basic(coordinator.email(), PASSWORD), api.bearer(adminToken),
            api.bearer(otherToken), api.basic(TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD));
        for (TestApi stranger : strangers) {
            for (String path : List.of("/api/v1/me/cases", "/api/v1/me/check-ins")) {
                var own = stranger.get(path);
                assertThat(own.status()).isEqualTo(200);
                assertThat(own.body()).doesNotContain(owner.id().toString()).doesNotContain(caseId.toString())
                    .doesNotContain(checkIn.toString()).doesNotContain(note);
            }
            var answer = stranger.post("/api/v1/me/check-ins/" + checkIn, Map.of("response", "FINE"));
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.body()).doesNotContain(note).doesNotContain("Secret-free title");
            assertThat(stranger.post("/api/v1/me/cases/" + caseId + "/close", "{}").status()).isEqualTo(404);
            assertThat(stranger.post("/api/v1/me/cases/" + caseId + "/reopen", "{}").status()).isEqualTo(404);
        }
        assertThat(api.anonymous().get("/api/v1/me/check-ins").status()).isEqualTo(401);
        assertThat(api.basic(owner.email(), PASSWORD).get("/api/v1/me/cases").<String>json("$[0].stage"))
            .as("still the owner's, untouched").isEqualTo("CHECKED_IN");

        // the pages: someone else's check-in does not exist for them
        for (AftercareUser u : List.of(signedIn(other), signedIn(lead, Role.LEAD), signedIn(admin, Role.ADMIN))) {
            MockHttpServletResponse page = mvc.perform(get("/check-ins/" + checkIn).with(user(u)))
                .andReturn().getResponse();
            assertThat(page.getStatus()).isEqualTo(404);
            assertThat(page.getContentAsString()).doesNotContain(note);
            MockHttpServletResponse me = mvc.perform(get("/me").with(user(u))).andReturn().getResponse();
            assertThat(me.getStatus()).isEqualTo(200);
            assertThat(me.getContentAsString()).doesNotContain("Secret-free title").doesNotContain(note);
            assertThat(mvc.perform(post("/me/cases/" + caseId + "/close").with(user(u)).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        }

        // the lead sees the team's members, nothing of their care: no stage, no answer
        String teamPage = mvc.perform(get("/teams/" + team + "/care").with(user(signedIn(lead, Role.LEAD))))
            .andReturn().getResponse().getContentAsString();
        assertThat(teamPage).contains("Owner").doesNotContain("Checked in").doesNotContain(note)
            .doesNotContain("PEER_SUPPORTER").doesNotContain("peer supporter").doesNotContain("Secret-free title");
        assertThat(mvc.perform(get("/teams/" + team + "/care").with(user(signedIn(other)))).andReturn()
            .getResponse().getStatus()).as("not a lead").isEqualTo(403);
        Person otherLead = person(people, "Other lead", Role.LEAD);
        assertThat(mvc.perform(get("/teams/" + team + "/care").with(user(signedIn(otherLead, Role.LEAD))))
            .andReturn().getResponse().getStatus()).as("a lead of another team").isEqualTo(403);
    }

    @Test
    void aLeadsSuggestionReachesThePersonAsAnInvitationAndTellsTheLeadNothingMore() throws Exception {
        Person lead = person(people, "Suggesting lead", Role.LEAD);
        Person member = person(people, "Invited");
        UUID team = CareFixtures.team(jdbc, "Platform", lead.id(), member.id());
        AftercareUser leadUser = signedIn(lead, Role.LEAD);
        var suggested = mvc.perform(post("/teams/" + team + "/care/suggest").with(user(leadUser)).with(csrf())
            .param("personId", member.id().toString())).andReturn().getResponse();
        assertThat(suggested.getStatus()).isEqualTo(302);
        assertThat(mvc.perform(post("/teams/" + team + "/care/suggest").with(user(leadUser)).with(csrf())
            .param("personId", owner.id().toString())).andReturn().getResponse().getStatus())
            .as("not in this team").isEqualTo(404);
        String leadPage = mvc.perform(get("/teams/" + team + "/care").with(user(leadUser))).andReturn()
            .getResponse().getContentAsString();
        assertThat(leadPage).contains("Invited");

        String invitation = mvc.perform(get("/me").with(user(signedIn(member)))).andReturn().getResponse()
            .getContentAsString();
        assertThat(invitation).contains("Someone on your team thought a check-in might be welcome.");
        // it also reaches them where they look: an inbox entry (and their channel), naming nobody
        await().atMost(Duration.ofSeconds(30)).until(() -> api.basic(member.email(), PASSWORD)
            .get("/api/v1/me/inbox").<List<String>>json("$[*].kind").contains("CHECK_IN_SUGGESTED"));
        var inbox = api.basic(member.email(), PASSWORD).get("/api/v1/me/inbox");
        assertThat(inbox.<List<String>>json("$[?(@.kind == 'CHECK_IN_SUGGESTED')].title"))
            .containsExactly("A check-in, if you would like one");
        assertThat(inbox.<List<String>>json("$[?(@.kind == 'CHECK_IN_SUGGESTED')].link")).containsExactly("/me");
        assertThat(inbox.body()).doesNotContain("Suggesting lead");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notify_message WHERE person_id = ? AND kind = 'CHECK_IN_SUGGESTED'")
            .param(member.id()).query(Long.class).single()).as("the inbox, and their outward channel when they have one")
            .isBetween(1L, 2L);
        assertThat(api.basic(lead.email(), PASSWORD).get("/api/v1/me/inbox").body())
            .doesNotContain("CHECK_IN_SUGGESTED");
        UUID suggestion = jdbc.sql("SELECT id FROM care_suggestion WHERE person_id = ?").param(member.id())
            .query(UUID.class).single();
        assertThat(mvc.perform(post("/me/suggestions/" + suggestion).with(user(leadUser)).with(csrf())
            .param("accept", "false")).andReturn().getResponse().getStatus()).as("not the lead's to answer")
            .isEqualTo(404);
        var accepted = mvc.perform(post("/me/suggestions/" + suggestion).with(user(signedIn(member))).with(csrf())
            .param("accept", "true")).andReturn().getResponse();
        assertThat(accepted.getRedirectedUrl()).startsWith("/check-ins/");
        assertThat(api.basic(member.email(), PASSWORD).get("/api/v1/me/cases").<String>json("$[0].origin"))
            .isEqualTo("SUGGESTED");
    }

    /**
     * A lead is in the team he leads, and so on its care page, but he is not offered a suggestion for himself: his
     * row says it is him and points to My aftercare, and a suggestion for himself is refused.
     */
    @Test
    void aLeadFindsHimselfOnTheTeamCarePageWithoutASuggestionForHimself() throws Exception {
        Person lead = person(people, "Leading himself", Role.LEAD);
        Person member = person(people, "Teammate");
        UUID team = CareFixtures.team(jdbc, "Search", lead.id(), member.id());
        AftercareUser leadUser = signedIn(lead, Role.LEAD);
        String page = mvc.perform(get("/teams/" + team + "/care").with(user(leadUser))).andReturn().getResponse()
            .getContentAsString();
        assertThat(page).contains("Leading himself").contains("Teammate")
            .contains("Your own check-ins are on My aftercare").contains("href=\"/me\"")
            .contains("value=\"" + member.id() + "\"")
            .as("no suggestion form for the lead himself").doesNotContain("value=\"" + lead.id() + "\"");

        var self = mvc.perform(post("/teams/" + team + "/care/suggest").with(user(leadUser)).with(csrf())
            .param("personId", lead.id().toString())).andReturn().getResponse();
        assertThat(self.getStatus()).isEqualTo(400);
        var selfApi = api.basic(lead.email(), PASSWORD).post("/api/v1/teams/" + team + "/care/suggest",
            Map.of("personId", lead.id()));
        assertThat(selfApi.status()).as(selfApi.body()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM care_suggestion WHERE person_id = ?").param(lead.id())
            .query(Long.class).single()).isZero();
        assertThat(mvc.perform(get("/me").with(user(leadUser))).andReturn().getResponse().getContentAsString())
            .doesNotContain("Someone on your team thought a check-in might be welcome.");
    }

    /**
     * If a member had answered differently, or not at all, would anything their lead (or an admin) sees of the
     * team's care differ? Each world below changes one member's care; the lead's page stays the same, byte for
     * byte, and a suggestion gets the same answer whoever it is for.
     */
    @Test
    void aLeadsTeamCarePageAndTheAnswerToASuggestionAreTheSameWhateverAMemberDid() throws Exception {
        Person lead = person(people, "Watching lead", Role.LEAD);
        Person admin = person(people, "Watching admin", Role.ADMIN);
        Person quiet = person(people, "Quiet member");
        Person fresh = person(people, "Fresh member");
        Person away = person(people, "Away member");
        UUID team = CareFixtures.team(jdbc, "Storage", lead.id(), owner.id(), quiet.id(), fresh.id(), away.id());
        AftercareUser leadUser = signedIn(lead, Role.LEAD);
        AftercareUser adminUser = signedIn(admin, Role.ADMIN);
        String leadBefore = teamCarePage(team, leadUser);
        String adminBefore = teamCarePage(team, adminUser);
        assertThat(leadBefore).contains("Owner").contains("Quiet member").contains("Suggest a check-in");

        // the owner's check-in was waiting; now they answer it
        var answered = api.basic(owner.email(), PASSWORD).post("/api/v1/me/check-ins/" + checkIn,
            Map.of("stress", 4, "effects", List.of("SLEEPING_DIFFICULTIES"), "outreach", "RESOURCES"));
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(teamCarePage(team, leadUser)).as("after a member answered").isEqualTo(leadBefore);
        assertThat(teamCarePage(team, adminUser)).as("an admin, after a member answered").isEqualTo(adminBefore);

        // another opens a case for themselves ("I had a rough one")
        assertThat(api.basic(quiet.email(), PASSWORD).post("/api/v1/me/cases", "{}").status()).isEqualTo(201);
        assertThat(teamCarePage(team, leadUser)).as("after a member opened a case").isEqualTo(leadBefore);

        // another opts out of check-ins
        assertThat(mvc.perform(post("/me/opt-out").with(user(signedIn(away))).with(csrf()).param("optOut", "true"))
            .andReturn().getResponse().getStatus()).isEqualTo(302);
        assertThat(teamCarePage(team, leadUser)).as("after a member opted out").isEqualTo(leadBefore);

        // suggestions: to someone with nothing open, to the same person again (an invitation already waits), to
        // someone with an open case, to someone who opted out; the lead is answered the same way each time
        WebSession browser = WebSession.signedIn(port, lead.email(), PASSWORD);
        assertThat(browser.get("/teams/" + team + "/care").statusCode()).isEqualTo(200);
        List<List<String>> answers = new ArrayList<>();
        for (Person member : List.of(fresh, fresh, quiet, away, owner)) {
            var response = browser.post("/teams/" + team + "/care/suggest", Map.of("personId", member.id()));
            String shown = normalised(browser.follow(response).body());
            assertThat(shown).contains("Suggestion sent.");
            answers.add(List.of(response.statusCode() + " " + response.headers().firstValue("Location").orElse(""),
                response.body(), shown));
        }
        assertThat(answers.get(0).get(0)).endsWith("/teams/" + team + "/care").startsWith("302 ");
        for (int i = 1; i < answers.size(); i++) {
            assertThat(answers.get(i)).as("suggestion " + (i + 1)).isEqualTo(answers.get(0));
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM care_suggestion WHERE person_id = ?").param(fresh.id())
            .query(Long.class).single()).as("the person still gets one invitation").isEqualTo(1);

        // the invited person accepts: a case opens, with a check-in waiting; the lead sees nothing of it
        UUID suggestion = jdbc.sql("SELECT id FROM care_suggestion WHERE person_id = ?").param(fresh.id())
            .query(UUID.class).single();
        assertThat(mvc.perform(post("/me/suggestions/" + suggestion).with(user(signedIn(fresh))).with(csrf())
            .param("accept", "true")).andReturn().getResponse().getRedirectedUrl()).startsWith("/check-ins/");
        assertThat(teamCarePage(team, leadUser)).as("after a suggestion was accepted").isEqualTo(leadBefore);
        assertThat(teamCarePage(team, adminUser)).as("an admin, at the end").isEqualTo(adminBefore);
        assertThat(leadBefore).as("what the lead is told instead").contains("Answers are private.")
            .contains("group statistics");
    }

    private String teamCarePage(UUID team, AftercareUser viewer) throws Exception {
        MockHttpServletResponse page = mvc.perform(get("/teams/" + team + "/care").with(user(viewer))).andReturn()
            .getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        return normalised(page.getContentAsString());
    }

    /** The page without its per-request CSRF tokens. */
    private static String normalised(String html) {
        return html.replaceAll("(_csrf\"\\s+(value|content)=\")[^\"]*", "$1");
    }

    @Test
    void aSignedLinkAnswersItsOneCheckInOnceWithinSevenDaysAndForNobodyElse() throws Exception {
        String link = care.answerLink(checkIn).toString();
        assertThat(link).startsWith("http://localhost:8080/c/");
        String path = link.substring(link.indexOf("/c/"));
        String token = path.substring(3);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM care_link WHERE token_hash = ?").param(token)
            .query(Long.class).single()).as("only its hash is stored").isZero();

        var page = mvc.perform(get(path)).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains("How are you doing after Secret-free title?");
        assertThat(page.getHeader("Referrer-Policy")).isEqualTo("no-referrer");

        Person other = person(people, "Forwarded to");
        assertThat(mvc.perform(get(path).with(user(signedIn(other)))).andReturn().getResponse().getStatus())
            .as("someone else, signed in").isEqualTo(404);
        assertThat(mvc.perform(post(path).with(user(signedIn(other))).with(csrf()).param("stress", "2"))
            .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/c/forged-" + UUID.randomUUID())).andReturn().getResponse().getStatus())
            .isEqualTo(404);

        var invalid = mvc.perform(post(path).with(csrf()).param("stress", "7")).andReturn().getResponse();
        assertThat(invalid.getStatus()).as("an invalid answer keeps the link").isEqualTo(200);
        assertThat(invalid.getContentAsString()).contains("field-error");

        var answered = mvc.perform(post(path).with(csrf()).param("action", "answer").param("stress", "2")
            .param("effects", "NONE").param("outreach", "NOBODY")).andReturn().getResponse();
        assertThat(answered.getStatus()).isEqualTo(200);
        assertThat(answered.getContentAsString()).contains("Thank you");
        assertThat(stepStatus(jdbc, checkIn)).isEqualTo("ANSWERED");

        var reused = mvc.perform(post(path).with(csrf()).param("action", "FINE")).andReturn().getResponse();
        assertThat(reused.getStatus()).isEqualTo(404);
        assertThat(reused.getContentAsString()).contains("This link no longer works");
        assertThat(mvc.perform(get(path)).andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void anExpiredLinkNoLongerWorks() throws Exception {
        String link = care.answerLink(checkIn).toString();
        String path = link.substring(link.indexOf("/c/"));
        jdbc.sql("UPDATE care_link SET expires_at = created_at - INTERVAL '1' SECOND WHERE step_id = ?")
            .param(checkIn).update();
        assertThat(mvc.perform(get(path)).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(post(path).with(csrf()).param("action", "FINE")).andReturn().getResponse()
            .getStatus()).isEqualTo(404);
        assertThat(stepStatus(jdbc, checkIn)).isEqualTo("PENDING");
    }
}
