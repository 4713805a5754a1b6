package io.aftercare.care.cases;

import static io.aftercare.care.cases.CareFixtures.person;
import static io.aftercare.care.cases.CareFixtures.sev2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.aftercare.care.CareCases;
import io.aftercare.care.cases.CareFixtures.Person;
import io.aftercare.directory.People;
import io.aftercare.identity.AftercareUser;
import io.aftercare.identity.Role;
import io.aftercare.shared.DbTime;
import io.aftercare.support.AftercareIT;

/**
 * The check-in and its thank-you page as the person meets them: nothing is chosen for them, each outreach choice
 * says who would be told, a check-in they opened themselves does not speak of an incident, and after Send the
 * thank-you page says what happens next (follow-up dates in their own zone, and how to stop them) and shows
 * professional help for their country and language when they asked for it or said they feel very stressed.
 */
@AftercareIT
@AutoConfigureMockMvc(print = org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint.NONE)
@TestPropertySource(properties = {"aftercare.care.check-in-delay=0s", "aftercare.scheduler.polling-interval=200ms"})
class CheckInPageIT {

    private static final Pattern CHECKED = Pattern.compile("<input[^>]*\\bchecked\\b");

    @Autowired
    People people;

    @Autowired
    CareCases care;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    private static AftercareUser signedIn(Person p) {
        return new AftercareUser(p.id(), p.email(), EnumSet.of(Role.RESPONDER), false, null, true);
    }

    /** An incident check-in waiting for the person (resolved a minute ago, no delay). */
    private UUID incidentCheckIn(Person p) {
        care.incidentResolved(sev2("the storage outage", p.id()));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM care_step WHERE person_id = ? AND status = 'PENDING'")
            .param(p.id()).query(Long.class).single() == 1);
        return jdbc.sql("SELECT id FROM care_step WHERE person_id = ? AND kind = 'CHECK_IN'").param(p.id())
            .query(UUID.class).single();
    }

    private String page(Person p, String path, Locale locale) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).with(user(signedIn(p))).locale(locale))
            .andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString();
    }

    /** The check-in's own form (the page's header has the sign-out form). */
    private static String form(String page) {
        int start = page.indexOf("<form", page.indexOf("<main"));
        return page.substring(start, page.indexOf("</form>", start));
    }

    private MockHttpServletResponse answer(Person p, UUID checkIn, Locale locale, String... params) throws Exception {
        MockHttpServletRequestBuilder request = post("/check-ins/" + checkIn).with(user(signedIn(p))).with(csrf())
            .locale(locale).param("action", "answer");
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    @Test
    void nothingIsChosenForThePersonAndAnUnansweredOutreachQuestionMeansNobody() throws Exception {
        Person lead = person(people, "Lane Lead");
        Person sam = person(people, "Sam Storage");
        UUID team = CareFixtures.team(jdbc, "Storage", lead.id(), sam.id());
        String teamName = jdbc.sql("SELECT name FROM team WHERE id = ?").param(team).query(String.class).single();
        UUID checkIn = incidentCheckIn(sam);

        String form = form(page(sam, "/check-ins/" + checkIn, Locale.UK));
        assertThat(CHECKED.matcher(form).find()).as("an input chosen before the person chose anything").isFalse();
        assertThat(form).contains("If you leave it, nobody is asked to reach out.")
            .contains("We let one or two people from " + teamName + " know a hello would be welcome, never your lead.")
            .contains("We let Lane Lead know a hello would be welcome.");

        var sent = answer(sam, checkIn, Locale.UK, "stress", "2", "effects", "NONE");
        assertThat(sent.getRedirectedUrl()).isEqualTo("/check-ins/" + checkIn + "/thanks");
        assertThat(jdbc.sql("SELECT outreach FROM care_check_in_answer WHERE step_id = ?").param(checkIn)
            .query(String.class).single()).isEqualTo("NOBODY");
    }

    @Test
    void anInvalidAnswerComesBackWithItsQuestionsMarkedAndAnAnsweredCheckInCannotBeAnsweredAgain() throws Exception {
        Person ira = person(people, "Ira Invalid");
        UUID checkIn = incidentCheckIn(ira);

        var invalid = answer(ira, checkIn, Locale.UK, "stress", "9", "effects", "NONE",
            "effects", "LOSS_OF_CONFIDENCE");
        assertThat(invalid.getStatus()).as("the form again, not an error page").isEqualTo(200);
        assertThat(form(invalid.getContentAsString()))
            .contains("Choose how stressed you feel, from not at all to very stressed.")
            .contains("cannot go with the others.");
        assertThat(jdbc.sql("SELECT status FROM care_step WHERE id = ?").param(checkIn).query(String.class).single())
            .as("nothing was kept").isEqualTo("PENDING");

        assertThat(answer(ira, checkIn, Locale.UK, "stress", "3", "effects", "NONE").getRedirectedUrl())
            .isEqualTo("/check-ins/" + checkIn + "/thanks");
        assertThat(answer(ira, checkIn, Locale.UK, "stress", "5", "effects", "NONE").getStatus())
            .as("answered once already").isEqualTo(409);
        assertThat(jdbc.sql("SELECT stress FROM care_check_in_answer WHERE step_id = ?").param(checkIn)
            .query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void aCheckInSomeoneOpenedThemselvesDoesNotAskAboutAnIncident() throws Exception {
        Person lead = person(people, "Lou Lead");
        Person kim = person(people, "Kim Self");
        CareFixtures.team(jdbc, "Payments", lead.id(), kim.id());
        String opened = mvc.perform(post("/me/cases").with(user(signedIn(kim))).with(csrf()))
            .andReturn().getResponse().getRedirectedUrl();
        assertThat(opened).startsWith("/check-ins/");

        String page = page(kim, opened, Locale.UK);
        assertThat(page).contains("How are you doing?").contains("How stressed do you feel right now?")
            .contains("You opened this yourself.");
        String form = form(page);
        // ("anxiety about the next incident" is about incidents to come, and stays)
        assertThat(form.toLowerCase(Locale.ROOT)).as("the form of a check-in with no incident")
            .doesNotContain("this incident").doesNotContain("the incident").doesNotContain("in the incident");
        // colleagues are only ever asked about incidents: offering them here would promise what does not happen
        assertThat(form).doesNotContain("value=\"TEAMMATE\"").doesNotContain("value=\"LEAD\"")
            .doesNotContain("We let").contains("value=\"PEER_SUPPORTER\"").contains("value=\"RESOURCES\"");
    }

    @Test
    void theThankYouPageSaysWhatHappensNextInThePersonsOwnZoneAndHowToStopIt() throws Exception {
        Person ana = person(people, "Ana Next");
        UUID checkIn = incidentCheckIn(ana);
        UUID caseId = jdbc.sql("SELECT case_id FROM care_step WHERE id = ?").param(checkIn).query(UUID.class).single();

        var sent = answer(ana, checkIn, Locale.UK, "stress", "3", "effects", "SLEEPING_DIFFICULTIES");
        assertThat(sent.getRedirectedUrl()).isEqualTo("/check-ins/" + checkIn + "/thanks");
        String thanks = page(ana, "/check-ins/" + checkIn + "/thanks", Locale.UK);

        assertThat(thanks).contains("What happens next").contains("Dates in your time zone (Europe/Berlin).");
        DateTimeFormatter date = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);
        for (int day : List.of(1, 7, 30)) {
            Instant due = jdbc.sql("SELECT due_at FROM care_step WHERE case_id = ? AND kind = 'FOLLOW_UP' AND step_day = ?")
                .params(caseId, day).query((rs, n) -> DbTime.instant(rs, "due_at")).single();
            assertThat(thanks).contains("Day " + day + ": " + date.format(due.atZone(ZoneId.of("Europe/Berlin"))));
        }
        assertThat(thanks).contains("action=\"/me/cases/" + caseId + "/stop-asking\"")
            .contains("href=\"/me\"").contains("href=\"/support\"").contains("Talk to someone")
            .doesNotContain("Professional help");

        assertThat(mvc.perform(post("/me/cases/" + caseId + "/stop-asking").with(user(signedIn(ana))).with(csrf()))
            .andReturn().getResponse().getRedirectedUrl()).isEqualTo("/me");
        assertThat(page(ana, "/check-ins/" + checkIn + "/thanks", Locale.UK))
            .contains("Nothing more is planned for this one.").doesNotContain("Day 7:");
    }

    @Test
    void askingForProfessionalResourcesLeadsToTheHelpForTheirCountryAndLanguage() throws Exception {
        String german = "Krisendienst " + UUID.randomUUID();
        String american = "US helpline " + UUID.randomUUID();
        resource("Germany", "de", "CRISIS", german);
        resource("US", "en", "EAP", american);

        // asked for professional resources, reading in German in Germany
        Person de = person(people, "Dana Deutsch");
        UUID first = incidentCheckIn(de);
        // ... goes straight to the resources for where they are, thanked on top, not to a generic thank-you
        var sent = mvc.perform(post("/check-ins/" + first).with(user(signedIn(de))).with(csrf()).locale(Locale.GERMANY)
            .param("action", "answer").param("stress", "2").param("effects", "NONE").param("outreach", "RESOURCES"))
            .andReturn();
        assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/resources?for=me");
        // the thank-you rides along once, in the session's flash (shown in RecoveryActionsAndMeasuresPathIT)
        assertThat((java.util.Map<String, Object>) sent.getFlashMap()).containsEntry("thanks", true).containsEntry("answeredStep", first);
        String resources = page(de, "/resources?for=me", Locale.GERMANY);
        assertThat(resources).contains(german).doesNotContain(american).contains("Every resource, wherever it is for")
            .as("no thank-you without an answer just given").doesNotContain("Thank you. Only you can see your answers.");
        // the thank-you page is still there for what happens next, with the same help
        assertThat(page(de, "/check-ins/" + first + "/thanks", Locale.GERMANY))
            .contains("You asked for professional resources.").contains(german).doesNotContain(american);
        // the plain resources page, without "for me", still lists every entry and thanks nobody
        assertThat(page(de, "/resources", Locale.GERMANY)).contains(german).contains(american)
            .doesNotContain("Thank you. Only you can see your answers.");

        // did not ask, but said they feel very stressed, reading in US English
        Person us = person(people, "Uma States");
        UUID second = incidentCheckIn(us);
        answer(us, second, Locale.US, "stress", "5", "effects", "LOSS_OF_CONFIDENCE");
        assertThat(page(us, "/check-ins/" + second + "/thanks", Locale.US))
            .contains("You said this one was stressful.").contains(american).doesNotContain(german);

        // neither: no professional help pressed on anyone
        Person calm = person(people, "Cal Calm");
        UUID third = incidentCheckIn(calm);
        answer(calm, third, Locale.US, "stress", "3", "effects", "NONE", "outreach", "NOBODY");
        assertThat(page(calm, "/check-ins/" + third + "/thanks", Locale.US)).doesNotContain("Professional help")
            .doesNotContain(american);
    }

    private void resource(String country, String language, String kind, String name) {
        jdbc.sql("""
                INSERT INTO support_resource (id, country, language, kind, name, description, contact, url, created_at)
                VALUES (?, ?, ?, ?, ?, '', '0800 000', '', ?)""")
            .params(UUID.randomUUID(), country, language, kind, name, DbTime.toDb(Instant.now())).update();
    }
}
