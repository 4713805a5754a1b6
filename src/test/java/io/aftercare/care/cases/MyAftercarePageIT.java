package io.aftercare.care.cases;

import static io.aftercare.care.cases.CareFixtures.PASSWORD;
import static io.aftercare.care.cases.CareFixtures.makeDue;
import static io.aftercare.care.cases.CareFixtures.person;
import static io.aftercare.care.cases.CareFixtures.sev2;
import static io.aftercare.care.cases.CareFixtures.stepStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import com.github.kagkarlsson.scheduler.SchedulerClient;

import io.aftercare.care.CareCases;
import io.aftercare.care.cases.CareFixtures.Person;
import io.aftercare.directory.People;
import io.aftercare.shared.DbTime;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestApi;
import io.aftercare.support.WebSession;

/**
 * My aftercare as the person reads it, on both databases: what is waiting (the check-in due, with its one button;
 * an open support request; when the next follow-up comes), the sentences, no chart until a construct has three
 * answers, and the history grouped by incident, collapsed.
 */
@AftercareIT
@TestPropertySource(properties = {"aftercare.care.check-in-delay=0s", "aftercare.scheduler.polling-interval=200ms"})
class MyAftercarePageIT {

    private static final Pattern CASE = Pattern.compile("<details class=\"case[^\"]*\">(.*?)</details>",
        Pattern.DOTALL);

    @LocalServerPort
    int port;

    @Autowired
    People people;

    @Autowired
    CareCases care;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SchedulerClient scheduler;

    @Test
    void thePageLeadsWithWhatIsWaitingAndKeepsTheHistoryByIncident() {
        Person robin = person(people, "Robin");
        TestApi api = TestApi.at(port).basic(robin.email(), PASSWORD);
        WebSession web = WebSession.signedIn(port, robin.email(), PASSWORD);
        care.incidentResolved(sev2("Checkout errors", robin.id()));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
            "SELECT COUNT(*) FROM care_step WHERE person_id = ? AND status = 'PENDING'").param(robin.id())
            .query(Long.class).single() == 1);
        UUID checkIn = jdbc.sql("SELECT id FROM care_step WHERE person_id = ? AND kind = 'CHECK_IN'")
            .param(robin.id()).query(UUID.class).single();

        // the check-in is waiting, with one button to it
        String page = web.get("/me").body();
        assertThat(page).contains("How are you doing after Checkout errors? Under a minute.")
            .contains("href=\"/check-ins/" + checkIn + "\"")
            .doesNotContain("Nothing is waiting for you right now.")
            .contains("After a few answers, you will see here how your own answers have moved.");
        assertThat(cases(page)).hasSize(1);
        assertThat(cases(page).get(0)).contains("Checkout errors").contains("no answers yet");

        assertThat(api.post("/api/v1/me/check-ins/" + checkIn, Map.of("stress", 4, "effects", List.of("NONE"),
            "outreach", "NOBODY")).status()).isEqualTo(200);
        answerFollowUp(api, robin, 1, 4);

        // answered: nothing due now, but the day-7 follow-up is announced for its day; one answer each is no chart
        page = web.get("/me").body();
        assertThat(page).contains("Nothing is waiting for you right now.")
            .doesNotContain("href=\"/check-ins/")
            .contains("Your next follow-up, day 7, comes on " + dayOf(robin, 7) + ".")
            .doesNotContain("<figure class=\"trend-chart\"");
        String history = cases(page).get(0);
        assertThat(history).contains("Checkout errors").contains("2 answers").contains("Check-in")
            .contains("Follow-up, day 1").doesNotContain("Answered").doesNotContain("<details class=\"case\" open");

        // two follow-ups: a sentence, with which way is better, and still no chart of two dots
        answerFollowUp(api, robin, 7, 2);
        page = web.get("/me").body();
        assertThat(page).contains("Going over it has come down since day 1 (lower is better).")
            .contains("Your next follow-up, day 30, comes on " + dayOf(robin, 30) + ".")
            .doesNotContain("<figure class=\"trend-chart\"");

        // the third makes a chart of going over it, whose text alternative carries the values; stress, answered
        // once, has none. The last follow-up closes the case: nothing more to come
        answerFollowUp(api, robin, 30, 1);
        page = web.get("/me").body();
        assertThat(page).contains("<figure class=\"trend-chart\" id=\"trend-rumination\"")
            .doesNotContain("id=\"trend-stress\"")
            .containsPattern("<p class=\"visually-hidden\" id=\"trend-rumination-text\">Going over it, from 1 to 5,"
                + " lower is better: Day 1, [^:]+: 4; Day 7, [^:]+: 2; Day 30, [^:]+: 1\\.</p>")
            .doesNotContain("Your next follow-up");
        assertThat(cases(page).get(0)).contains("Closed").contains("4 answers").contains("Reopen");

        // an open support request is waiting too, with the way to it
        var asked = api.post("/api/v1/me/support-requests", Map.of("note", "A coffee would help"));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        page = web.get("/me").body();
        assertThat(page).contains("You asked to talk to someone.").contains("href=\"/support\"")
            .doesNotContain("Nothing is waiting for you right now.");
    }

    @Test
    void everyIncidentIsItsOwnCollapsedGroupWithItsOwnActions() {
        Person kim = person(people, "Kim");
        WebSession web = WebSession.signedIn(port, kim.email(), PASSWORD);
        care.incidentResolved(sev2("Payments down", kim.id()));
        var rough = TestApi.at(port).basic(kim.email(), PASSWORD).post("/api/v1/me/cases", "{}");
        assertThat(rough.status()).as(rough.body()).isLessThan(300);

        List<String> cases = cases(web.get("/me").body());
        assertThat(cases).hasSize(2);
        assertThat(cases.get(0)).contains("A check-in you opened yourself").doesNotContain("Payments down")
            .contains("I&#39;m OK now").contains("/close");
        assertThat(cases.get(1)).contains("Payments down").contains("I&#39;m OK now").contains("/stop-asking");
    }

    private void answerFollowUp(TestApi api, Person person, int day, int rumination) {
        UUID step = makeDue(jdbc, scheduler, person.id(), "FOLLOW_UP", day);
        await().atMost(Duration.ofSeconds(20)).until(() -> stepStatus(jdbc, step).equals("PENDING"));
        var answered = api.post("/api/v1/me/check-ins/" + step, Map.of("items", Map.of("rumination1", rumination,
            "rumination2", rumination, "rumination3", rumination)));
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
    }

    /** The day a follow-up falls due, as the page says it, in the person's own zone (Europe/Berlin). */
    private String dayOf(Person person, int day) {
        Instant due = jdbc.sql("""
                SELECT due_at FROM care_step WHERE person_id = ? AND kind = 'FOLLOW_UP' AND step_day = ?""")
            .params(person.id(), day).query((rs, n) -> DbTime.instant(rs, "due_at")).single();
        return DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH)
            .format(due.atZone(ZoneId.of("Europe/Berlin")));
    }

    private static List<String> cases(String page) {
        List<String> cases = new ArrayList<>();
        Matcher m = CASE.matcher(page);
        while (m.find()) {
            cases.add(m.group(1));
        }
        return cases;
    }
}
