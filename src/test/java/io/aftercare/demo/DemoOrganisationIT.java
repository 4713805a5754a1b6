package io.aftercare.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestApi;
import io.aftercare.support.WebSession;

/** {@code --demo} on an empty database: the demo admin can sign in and every list has something true in it. */
@AftercareIT
@ActiveProfiles({"test", "demo"})
@TestPropertySource(properties = {"aftercare.admin.email=", "aftercare.admin.password="})
class DemoOrganisationIT {

    @LocalServerPort
    int port;

    /** Only to wait until every event of the demo's load has been handled; what people see is read over HTTP. */
    @Autowired
    JdbcClient jdbc;

    @Test
    void demoOrganisationHasTeamsPeopleRotationsAndMonthsOfIncidents() {
        TestApi admin = TestApi.at(port).basic(DemoOrganisation.ADMIN_EMAIL, DemoOrganisation.PASSWORD);
        assertThat(admin.get("/api/v1/people?size=100").<Integer>json("$.total")).isGreaterThanOrEqualTo(13);
        List<Map<String, Object>> teams = admin.get("/api/v1/teams").json("$.items");
        assertThat(teams).extracting(t -> t.get("name")).contains("Checkout", "Payments", "Platform");

        String checkout = (String) teams.stream().filter(t -> t.get("name").equals("Checkout")).findFirst()
            .orElseThrow().get("id");
        List<String> onCall = admin.get("/api/v1/teams/" + checkout + "/oncall").json("$.onCall[*].personId");
        assertThat(onCall).hasSize(1);

        var resolved = admin.get("/api/v1/incidents?status=RESOLVED&size=200");
        assertThat(resolved.<Integer>json("$.total")).isGreaterThan(15);
        assertThat(resolved.<List<Object>>json("$.items[0].responders")).isNotEmpty();
        assertThat(admin.get("/api/v1/incidents?status=TRIGGERED").<Integer>json("$.total")).isEqualTo(1);

        TestApi sam = TestApi.at(port).basic("sam" + DemoOrganisation.DOMAIN, DemoOrganisation.PASSWORD);
        assertThat(sam.get("/api/v1/tokens").status()).isEqualTo(200);
        assertThat(sam.post("/api/v1/people", Map.of("name", "x", "email", "x@example.com")).status())
            .isEqualTo(403);
    }

    @Test
    void theDemoAdminHasCareAtEveryStageAndMonthsOfTheirOwnAnswers() {
        TestApi admin = TestApi.at(port).basic(DemoOrganisation.ADMIN_EMAIL, DemoOrganisation.PASSWORD);
        List<String> stages = admin.get("/api/v1/me/cases").json("$[*].stage");
        assertThat(stages).contains("OPENED", "CHECKED_IN", "FOLLOWING_UP", "CLOSED");
        assertThat(stages.stream().filter("CLOSED"::equals).count()).isGreaterThanOrEqualTo(3);

        var steps = admin.get("/api/v1/me/check-ins");
        List<Integer> stress = steps.json("$[*].checkIn.stress");
        List<Map<String, Integer>> followUps = steps.json("$[*].followUp.items");
        assertThat(stress).hasSizeGreaterThanOrEqualTo(5);
        assertThat(followUps).hasSizeGreaterThanOrEqualTo(10).allSatisfy(items -> assertThat(items).hasSize(7));
        // notes are stored encrypted with the admin's key and read back for them
        List<String> notes = steps.json("$[*]..note");
        assertThat(notes).filteredOn(n -> n != null).isNotEmpty();
        // every answer lies in the past, spread over months
        List<String> answeredAt = steps.json("$[?(@.answeredAt)].answeredAt");
        assertThat(answeredAt.stream().map(java.time.Instant::parse).min(java.util.Comparator.naturalOrder())
            .orElseThrow()).isBefore(java.time.Instant.now().minus(java.time.Duration.ofDays(45)));

        // My aftercare: charts with those points, and sentences that read them
        WebSession browser = WebSession.signedIn(port, DemoOrganisation.ADMIN_EMAIL, DemoOrganisation.PASSWORD);
        String page = browser.get("/me").body();
        assertThat(chartPoints(page)).isGreaterThanOrEqualTo(15);
        // which way the latest answer went depends on which of the replayed follow-ups are due by now (the hour of
        // the run): the page must read the trend in words, whichever way it went
        assertThat(page)
            .containsPattern("has (come down|gone up|stayed about the same) since [^<]+ \\(lower is better\\)\\.");

        // once every resolved incident has reached care (which finds everyone already in their case), nobody has
        // been prompted about the past and no case was opened twice
        await().atMost(Duration.ofMinutes(2)).until(() -> jdbc.sql(
            "SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL").query(Long.class).single() == 0);
        assertThat(admin.get("/api/v1/me/cases").<List<String>>json("$[*].stage")).hasSameSizeAs(stages);
        for (String who : List.of(DemoOrganisation.ADMIN_EMAIL, "priya" + DemoOrganisation.DOMAIN)) {
            assertThat(WebSession.signedIn(port, who, DemoOrganisation.PASSWORD).get("/inbox").body()).as(who)
                .contains("Nothing here yet.");
        }
        // Sam, Checkout's lead, has one thing of today: Priya shared her plan for her next shift
        String sams = WebSession.signedIn(port, "sam" + DemoOrganisation.DOMAIN, DemoOrganisation.PASSWORD)
            .get("/inbox").body();
        assertThat(sams.split("class=\"inbox-title\"", -1)).hasSize(2);
        assertThat(sams).contains("A plan for a coming on-call shift was shared with you");
    }

    @Test
    void theRecoveryToolsAreInUse() {
        String domain = DemoOrganisation.DOMAIN;
        TestApi admin = TestApi.at(port).basic(DemoOrganisation.ADMIN_EMAIL, DemoOrganisation.PASSWORD);
        // the admin: day 4 of the journal, three entries readable (written through the journal, so encrypted)
        var journal = admin.get("/api/v1/me/journal");
        assertThat(journal.<Integer>json("$.day")).isEqualTo(4);
        assertThat(journal.<List<String>>json("$.entries[*].text")).hasSize(3)
            .anySatisfy(t -> assertThat(t).contains("stuck queue"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM recovery_journal_entry").query(Long.class).single())
            .isGreaterThanOrEqualTo(4);
        // a batting average with the changes shipped beside the incidents
        assertThat(admin.get("/api/v1/me/batting-average").<Integer>json("$.changesPerIncident"))
            .isNotNull().isGreaterThanOrEqualTo(10);
        assertThat(WebSession.signedIn(port, DemoOrganisation.ADMIN_EMAIL, DemoOrganisation.PASSWORD)
            .get("/me/recovery/batting-average").body()).contains("changes shipped");
        // what I'd fix after their rough one: one of two done
        assertThat(WebSession.signedIn(port, DemoOrganisation.ADMIN_EMAIL, DemoOrganisation.PASSWORD).get("/me")
            .body()).contains("1 of 2 done");

        // Priya shared her plan with Sam, her lead; Diego kept his to himself, so Mei, his lead, sees nothing
        List<Map<String, Object>> teams = admin.get("/api/v1/teams").json("$.items");
        java.util.function.Function<String, String> team = name -> (String) teams.stream()
            .filter(t -> t.get("name").equals(name)).findFirst().orElseThrow().get("id");
        var shared = TestApi.at(port).basic("sam" + domain, DemoOrganisation.PASSWORD)
            .get("/api/v1/teams/" + team.apply("Checkout") + "/shared-plans");
        assertThat(shared.<List<String>>json("$.plans[*].personName")).containsExactly("Priya Natarajan");
        assertThat(shared.<List<String>>json("$.plans[*].colleagueName")).containsExactly("Jonas Weber");
        assertThat(TestApi.at(port).basic("mei" + domain, DemoOrganisation.PASSWORD)
            .get("/api/v1/teams/" + team.apply("Payments") + "/shared-plans").<List<?>>json("$.plans")).isEmpty();
        assertThat(TestApi.at(port).basic("diego" + domain, DemoOrganisation.PASSWORD).get("/api/v1/me/plans")
            .<List<String>>json("$.plans[*].kind")).containsExactly("AS_NORMAL");
    }

    @Test
    void otherDemoPeopleHaveChartsOfTheirOwn() {
        for (String who : List.of("sam", "priya")) {
            WebSession browser = WebSession.signedIn(port, who + DemoOrganisation.DOMAIN, DemoOrganisation.PASSWORD);
            String page = browser.get("/me").body();
            assertThat(chartPoints(page)).as(who).isGreaterThanOrEqualTo(4);
            assertThat(page).as(who).contains("(lower is better).");
        }
        // Priya's level climbs over the months, but which way her last month reads depends on the incidents that
        // fall in it (a SEV1 weighs more than a SEV4) and on the demo's noise: the page says which, in words
        WebSession priya = WebSession.signedIn(port, "priya" + DemoOrganisation.DOMAIN, DemoOrganisation.PASSWORD);
        assertThat(priya.get("/me").body())
            .containsPattern("Stress after an incident has (gone up|come down|stayed about the same) since \\d+ \\w+");
    }

    @Test
    void everyRoleFindsSomethingTrueOnItsPages_andProgrammeHealthHasFiguresForClosedMonths() {
        String domain = DemoOrganisation.DOMAIN;
        String password = DemoOrganisation.PASSWORD;

        // coordinator: the roster, resources, and programme health with figures in the newest closed months
        WebSession lena = WebSession.signedIn(port, "lena" + domain, password);
        assertThat(lena.get("/programme/support").body())
            .contains("Jonas Weber", "Hannah Kowalski", "Noah Brooks", "Aisha Bello", "Kenji Sato");
        assertThat(lena.get("/resources").body()).contains("Samaritans", "116 123", "TelefonSeelsorge", "Tele MANAS");
        String health = lena.get("/programme/support/health").body();
        // a figure shown as a count of people ("7 of 11", "2 or fewer of 11", "All but 2 or fewer of 9")
        Pattern shown = Pattern.compile("<dd>[^<]* of \\d+[^<]*</dd>");
        assertThat(shown.matcher(health).find()).as("a figure shown on programme health").isTrue();
        Matcher older = Pattern.compile("href=\"/programme/support/health\\?month=([0-9-]{7})\"").matcher(health);
        assertThat(older.find()).as("an older closed month").isTrue();
        assertThat(shown.matcher(lena.get("/programme/support/health?month=" + older.group(1)).body()).find())
            .as("a figure shown in an older month").isTrue();

        // the admin's checklist: the demo put teams, people, supporters and resources in place
        TestApi admin = TestApi.at(port).basic(DemoOrganisation.ADMIN_EMAIL, password);
        List<String> done = admin.get("/api/v1/admin/getting-started").json("$.steps[?(@.done == true)].key");
        assertThat(done).contains("teams", "people", "roster", "resources");

        // a supporter: a request waiting for them to say hello, and the ones they answered before
        List<String> waiting = new java.util.ArrayList<>();
        for (String supporter : List.of("jonas", "hannah", "noah", "aisha", "kenji")) {
            List<String> statuses = TestApi.at(port).basic(supporter + domain, password)
                .get("/api/v1/me/support-requests").json("$.assigned[*].status");
            assertThat(statuses).as(supporter).contains("CLOSED");
            statuses.stream().filter(st -> !st.equals("CLOSED")).forEach(waiting::add);
        }
        assertThat(waiting).containsExactly("ASSIGNED");

        // a lead: their team page leads to the team's care, which shows names and nothing of anyone's care
        WebSession sam = WebSession.signedIn(port, "sam" + domain, password);
        List<Map<String, Object>> teams = admin.get("/api/v1/teams").json("$.items");
        String checkout = (String) teams.stream().filter(t -> t.get("name").equals("Checkout")).findFirst()
            .orElseThrow().get("id");
        assertThat(sam.get("/teams/" + checkout).body()).contains("href=\"/teams/" + checkout + "/care\"");
        String care = sam.get("/teams/" + checkout + "/care").body();
        assertThat(care).contains("Priya Natarajan", "Suggest a check-in")
            .doesNotContain("Checked in", "CHECKED_IN");
        // Sam is in the team he leads: his own row points to My aftercare instead of offering him a suggestion
        assertThat(care).contains("Your own check-ins are on My aftercare");
    }

    @Test
    void theLeadOfTheBiggestTeamSeesItsMonthAsFigures_andItsOnCallLoad() {
        TestApi admin = TestApi.at(port).basic(DemoOrganisation.ADMIN_EMAIL, DemoOrganisation.PASSWORD);
        List<Map<String, Object>> teams = admin.get("/api/v1/teams").json("$.items");
        String checkout = (String) teams.stream().filter(t -> t.get("name").equals("Checkout")).findFirst()
            .orElseThrow().get("id");
        WebSession sam = WebSession.signedIn(port, "sam" + DemoOrganisation.DOMAIN, DemoOrganisation.PASSWORD);

        // the newest released month, whatever the day: stress after incidents and outreach as counts of people
        // ("4 of 8 (50.0%)", "2 or fewer of 8"), not only "Not enough answers…"
        String insight = sam.get("/teams/" + checkout + "/insight").body();
        assertThat(figureTexts(insight, "care\\.stressed\\.[a-z]+")).as("stress after incidents")
            .anySatisfy(text -> assertThat(text).containsPattern(COUNT));
        assertThat(figureTexts(insight, "care\\.outreach\\.24h")).as("outreach within 24 hours")
            .singleElement().satisfies(text -> assertThat(text).containsPattern(COUNT));
        assertThat(figureTexts(insight, "care\\.outreach\\.72h")).as("outreach within 72 hours")
            .singleElement().satisfies(text -> assertThat(text).containsPattern(COUNT));
        // people who asked for a peer supporter after the month's big incident heard from one: real counts, not
        // "2 or fewer", and the typical time to it
        assertThat(figureTexts(insight, "care\\.outreach\\.(?:24|72)h")).as("outreach as exact counts")
            .hasSize(2).allSatisfy(text -> assertThat(text).containsPattern("^[3-9] of \\d+ \\(\\d+\\.\\d%\\)"));
        assertThat(figureTexts(insight, "care\\.outreach\\.median")).as("time to first outreach")
            .singleElement().satisfies(text -> assertThat(text)
                .containsPattern("heard from them within [\\d.]+ hours \\(the median, of [5-9] people\\)"));
        // the same page as a CSV: a row with a count of people
        assertThat(sam.get("/teams/" + checkout + "/insight.csv").body())
            .containsPattern("\\ncare\\.stressed[^\\n]*,\\d+,");

        // on-call load of last month, when the whole team was in a big incident: interruptions in numbers
        String month = java.time.YearMonth.now(java.time.ZoneOffset.UTC).minusMonths(1).toString();
        String oncall = sam.get("/teams/" + checkout + "/oncall?month=" + month).body();
        assertThat(oncall).containsPattern("The team was interrupted \\d+ times in ")
            .contains("Primary: 5 people take turns.");
    }

    /** A count of people in any of its forms: "4 of 8 (50.0%)", "2 or fewer of 8", "All but 2 or fewer of 8". */
    private static final String COUNT = "\\d+ (or fewer )?of \\d+";

    /** The words of each figure of a team's insight page whose name matches {@code figure}. */
    private static List<String> figureTexts(String page, String figure) {
        Matcher row = Pattern.compile("data-figure=\"" + figure
            + "\"(?s:.*?)<td class=\"insight-text\">([^<]*)</td>").matcher(page);
        List<String> texts = new java.util.ArrayList<>();
        while (row.find()) {
            texts.add(row.group(1));
        }
        return texts;
    }

    /** The number of answers drawn in the page's charts (one dot per answer and measure). */
    private static int chartPoints(String page) {
        assertThat(page).as("a chart on the page").contains("<figure class=\"trend-chart\"");
        Matcher dot = Pattern.compile("<circle class=\"dot\"").matcher(page);
        int dots = 0;
        while (dot.find()) {
            dots++;
        }
        return dots;
    }
}
