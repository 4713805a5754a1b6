package io.aftercare.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import io.aftercare.AftercareApplication;
import io.aftercare.directory.NewPerson;
import io.aftercare.directory.People;
import io.aftercare.identity.Role;
import io.aftercare.support.LoopbackReceiver;
import io.aftercare.support.QuickPasswords;
import io.aftercare.support.TestApi;
import io.aftercare.support.TestDatabase;
import io.aftercare.support.WebSession;
import jakarta.mail.internet.MimeMessage;

/**
 * The privacy promise as one test: the same organisation lives through the same incident several times, and in
 * each world one responder, Robin, answers differently — not at all; calmly and wanting nobody; or stressed, with
 * a note, asking for a peer supporter, accepting their lead's suggestion and opening a case of their own ("I had a
 * rough one"). Everything the others can observe — every page's HTML, every API answer, every outbound webhook
 * body, every e-mail to someone else, the application's metrics — is captured for the lead, a teammate who
 * fought the same incident, a coordinator, an admin and a supporter who is not assigned, and must be the same in
 * every world once ids, times and tokens are normalised.
 *
 * <p>Each world is an application of its own on a database of its own (H2 or PostgreSQL, as the build runs it).
 */
class TwoWorldsIT {

    static final String PASSWORD = "two-worlds-password";
    static final String DOMAIN = "@worlds.test";
    /**
     * Everyone's time zone: the one where the run's hour is about noon, so that the incident (placed 50 minutes
     * before the run) never falls either side of the sleep hours' edges (22:00, 08:00) or of midnight in one world
     * and not in another, whatever hour of the day the run starts.
     */
    static final String ZONE = aroundNoon(java.time.LocalTime.now(java.time.ZoneOffset.UTC).getHour());

    /** What Robin does in a world. */
    enum Robin {
        SILENT, CALM, STRUGGLING
    }

    static GreenMail smtp;
    static int smtpPort;

    @BeforeAll
    static void mail() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            smtpPort = s.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    static void stopMail() {
        smtp.stop();
    }

    @Test
    void whatEveryoneElseSeesIsTheSameWhateverRobinAnswers() throws Exception {
        Map<String, String> silent = world(Robin.SILENT);
        Map<String, String> calm = world(Robin.CALM);
        Map<String, String> struggling = world(Robin.STRUGGLING);

        // the captures hold what people would read, not empty answers
        assertThat(silent.get("Lee Lead page /teams/{team}/care")).startsWith("200").contains("Robin Responder");
        assertThat(silent.get("Tam Teammate page /incidents/{incident}")).startsWith("200").contains("Robin Responder");
        assertThat(silent.get("admin page /admin/audit")).startsWith("200");
        assertThat(silent.get("Coco Coordinator page /programme/support")).startsWith("200");
        assertThat(silent.get("Uma Supporter page /support/assigned")).startsWith("200");
        assertThat(silent.get("webhook bodies")).contains("\"type\":\"case.opened\"");
        assertThat(silent.get("e-mails to others")).contains("tam.teammate" + DOMAIN);
        List<String> differences = new ArrayList<>();
        compare("silent", silent, "calm", calm, differences);
        compare("silent", silent, "struggling", struggling, differences);
        assertThat(differences).as("what others could observe differed between the worlds").isEmpty();
    }

    private static void compare(String a, Map<String, String> left, String b, Map<String, String> right,
                                List<String> differences) {
        Set<String> keys = new java.util.TreeSet<>(left.keySet());
        keys.addAll(right.keySet());
        for (String key : keys) {
            String l = left.get(key);
            String r = right.get(key);
            if (l == null || r == null || !l.equals(r)) {
                differences.add(key + " (" + a + " vs " + b + "):\n" + firstDifference(l, r));
            }
        }
    }

    private static String firstDifference(String l, String r) {
        if (l == null || r == null) {
            return "  only in one world: " + abbreviate(l == null ? r : l, 400);
        }
        String[] left = l.split("\n", -1);
        String[] right = r.split("\n", -1);
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            String x = i < left.length ? left[i] : "<none>";
            String y = i < right.length ? right[i] : "<none>";
            if (!x.equals(y)) {
                return "  line " + (i + 1) + ":\n    - " + abbreviate(x, 300) + "\n    + " + abbreviate(y, 300);
            }
        }
        return "  (same lines, different bytes)";
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }

    // ------------------------------------------------------------------------------------------------ one world

    private Map<String, String> world(Robin robinDoes) throws Exception {
        smtp.reset();
        try (LoopbackReceiver receiver = LoopbackReceiver.start();
             ConfigurableApplicationContext app = start()) {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            People people = app.getBean(People.class);
            TestApi admin = TestApi.at(port).asAdmin();

            UUID lee = person(people, "Lee Lead", Role.LEAD);
            UUID robin = person(people, "Robin Responder");
            UUID tam = person(people, "Tam Teammate");
            person(people, "Coco Coordinator", Role.COORDINATOR);
            person(people, "Sasha Supporter", Role.SUPPORTER);
            person(people, "Uma Supporter", Role.SUPPORTER);
            UUID team = team(jdbc, "Payments", lee, robin, tam);

            // Sasha is on the roster; Uma has the role but is not on it, so she is never assigned
            WebSession coordinator = WebSession.signedIn(port, email("Coco Coordinator"), PASSWORD);
            coordinator.get("/programme/support");
            assertThat(coordinator.post("/programme/support/roster", Map.of("email", email("Sasha Supporter")))
                .statusCode()).isEqualTo(302);

            var subscribed = admin.post("/api/v1/webhook-subscriptions", Map.of("name", "Ops",
                "url", receiver.url("/hook"), "events", List.of("case.opened")));
            assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(201);

            // the incident, recorded and resolved by its commander, the lead
            TestApi leeApi = TestApi.at(port).basic(email("Lee Lead"), PASSWORD);
            // each joined at a time of their own, so that the responders' order is the same in every world
            Instant started = Instant.now().minus(Duration.ofMinutes(50)).truncatedTo(ChronoUnit.SECONDS);
            var incident = leeApi.post("/api/v1/incidents", Map.of("title", "Checkout is slow", "severity", "sev2",
                "startedAt", started.toString(), "responders", List.of(
                    Map.of("personId", lee.toString(), "role", "COMMANDER", "joinedAt", started.plusSeconds(60).toString()),
                    Map.of("personId", robin.toString(), "role", "RESPONDER", "joinedAt", started.plusSeconds(120).toString()),
                    Map.of("personId", tam.toString(), "role", "RESPONDER", "joinedAt", started.plusSeconds(180).toString()))));
            assertThat(incident.status()).as(incident.body()).isEqualTo(201);
            String incidentId = incident.json("$.id");
            var resolved = leeApi.post("/api/v1/incidents/" + incidentId + "/resolve", "{}");
            assertThat(resolved.status()).as(resolved.body()).isLessThan(300);

            UUID robinCheckIn = pendingCheckIn(jdbc, robin);
            UUID tamCheckIn = pendingCheckIn(jdbc, tam);

            // the lead suggests a check-in to Robin before anyone has answered
            WebSession leeWeb = WebSession.signedIn(port, email("Lee Lead"), PASSWORD);
            leeWeb.get("/teams/" + team + "/care");
            assertThat(leeWeb.post("/teams/" + team + "/care/suggest", Map.of("personId", robin)).statusCode())
                .isEqualTo(302);

            // Tam answers the same way in every world
            var tamAnswered = TestApi.at(port).basic(email("Tam Teammate"), PASSWORD)
                .post("/api/v1/me/check-ins/" + tamCheckIn, Map.of("stress", 2, "effects", List.of("NONE"),
                    "outreach", "NOBODY"));
            assertThat(tamAnswered.status()).as(tamAnswered.body()).isEqualTo(200);

            robinActs(robinDoes, port, jdbc, robin, robinCheckIn);
            settle(jdbc, receiver);
            // the roster's supporter looks at what is assigned to her in every world: a request only when Robin asked
            var sashaSees = WebSession.signedIn(port, email("Sasha Supporter"), PASSWORD).get("/support/assigned");
            assertThat(sashaSees.statusCode()).isEqualTo(200);
            if (robinDoes == Robin.STRUGGLING) {
                assertThat(sashaSees.body()).contains("Robin Responder");
                // Robin is told who read their request; the admin's audit log must not show it (compared below)
                var accessLog = TestApi.at(port).basic(email("Robin Responder"), PASSWORD).get("/api/v1/me/access-log");
                assertThat(accessLog.body()).as(accessLog.toString()).contains("Sasha Supporter");
            }

            Map<String, String> seen = new TreeMap<>();
            Map<String, String> paths = paths(team, incidentId, robin);
            for (String observer : List.of("Lee Lead", "Tam Teammate", "Coco Coordinator", "Uma Supporter", "admin")) {
                WebSession web = observer.equals("admin")
                    ? WebSession.signedIn(port, TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD)
                    : WebSession.signedIn(port, email(observer), PASSWORD);
                TestApi api = observer.equals("admin") ? admin : TestApi.at(port).basic(email(observer), PASSWORD);
                for (var path : paths.entrySet()) {
                    if (path.getKey().startsWith("/api/")) {
                        var r = api.get(path.getValue());
                        seen.put(observer + " API " + path.getKey(), r.status() + "\n" + normalise(r.body()));
                    } else {
                        var r = web.get(path.getValue());
                        seen.put(observer + " page " + path.getKey(), r.statusCode() + "\n" + normalise(r.body()));
                    }
                }
            }
            var metrics = admin.getText("/actuator/prometheus");
            seen.put("admin metrics", metrics.status() + "\n" + normalise(aftercareMetrics(metrics.body())));
            List<String> hooks = new ArrayList<>();
            for (var r : receiver.all()) {
                hooks.add(normalise(r.body()));
            }
            hooks.sort(null);
            seen.put("webhook bodies", String.join("\n", hooks));
            List<String> mails = new ArrayList<>();
            for (MimeMessage m : smtp.getReceivedMessages()) {
                String to = m.getAllRecipients()[0].toString();
                // Robin's own mail is theirs; Sasha is the supporter assigned when Robin asks, and sees what
                // docs/peer-support.md says (SupportRequestIT): everyone else's mail must not change
                if (!to.equals(email("Robin Responder")) && !to.equals(email("Sasha Supporter"))) {
                    mails.add(to + " | " + m.getSubject() + "\n" + normalise(GreenMailUtil.getBody(m)));
                }
            }
            mails.sort(null);
            seen.put("e-mails to others", String.join("\n----\n", mails));
            return seen;
        }
    }

    private static void robinActs(Robin does, int port, JdbcClient jdbc, UUID robin, UUID checkIn) {
        TestApi api = TestApi.at(port).basic(email("Robin Responder"), PASSWORD);
        switch (does) {
            case SILENT -> {
            }
            case CALM -> {
                var answered = api.post("/api/v1/me/check-ins/" + checkIn, Map.of("stress", 1,
                    "effects", List.of("NONE"), "outreach", "NOBODY"));
                assertThat(answered.status()).as(answered.body()).isEqualTo(200);
                WebSession web = WebSession.signedIn(port, email("Robin Responder"), PASSWORD);
                web.get("/me");
                for (UUID suggestion : suggestions(jdbc, robin)) {
                    web.post("/me/suggestions/" + suggestion, Map.of("accept", "false"));
                }
            }
            case STRUGGLING -> {
                var answered = api.post("/api/v1/me/check-ins/" + checkIn, Map.of("stress", 5,
                    "effects", List.of("LOSS_OF_CONFIDENCE", "SLEEPING_DIFFICULTIES"), "outreach", "PEER_SUPPORTER",
                    "note", "I keep replaying the rollback"));
                assertThat(answered.status()).as(answered.body()).isEqualTo(200);
                WebSession web = WebSession.signedIn(port, email("Robin Responder"), PASSWORD);
                web.get("/me");
                for (UUID suggestion : suggestions(jdbc, robin)) {
                    web.post("/me/suggestions/" + suggestion, Map.of("accept", "true"));
                }
                var rough = api.post("/api/v1/me/cases", "{}");
                assertThat(rough.status()).as(rough.body()).isLessThan(300);
                var asked = api.post("/api/v1/me/support-requests", Map.of("note", "A coffee chat would help"));
                assertThat(asked.status()).as(asked.body()).isLessThan(300);
            }
        }
    }

    private static List<UUID> suggestions(JdbcClient jdbc, UUID person) {
        return jdbc.sql("SELECT id FROM care_suggestion WHERE person_id = ?").param(person).query(UUID.class).list();
    }

    /** Every page and API answer an observer is shown, by a name that is the same in every world. */
    private static Map<String, String> paths(UUID team, String incident, UUID robin) {
        Map<String, String> paths = new LinkedHashMap<>();
        for (String p : List.of("/", "/me", "/inbox", "/nudges", "/support", "/support/assigned", "/teams",
            "/incidents", "/programme/support", "/programme/support/health", "/programme/rules", "/people",
            "/admin/webhooks", "/admin/dead-letters", "/admin/audit", "/api/v1/incidents", "/api/v1/me/inbox",
            "/api/v1/me/nudges", "/api/v1/me/support-requests", "/api/v1/me/cases", "/api/v1/me/check-ins",
            "/api/v1/people", "/api/v1/teams", "/api/v1/audit", "/api/v1/audit/verify", "/admin/tokens",
            "/api/v1/admin/tokens", "/settings/access-log", "/api/v1/me/access-log", "/settings/notifications")) {
            paths.put(p, p);
        }
        paths.put("/teams/{team}", "/teams/" + team);
        paths.put("/teams/{team}/care", "/teams/" + team + "/care");
        paths.put("/incidents/{incident}", "/incidents/" + incident);
        paths.put("/people/{robin}", "/people/" + robin);
        paths.put("/api/v1/incidents/{incident}", "/api/v1/incidents/" + incident);
        paths.put("/api/v1/incidents/{incident}/timeline", "/api/v1/incidents/" + incident + "/timeline");
        paths.put("/api/v1/people/{robin}", "/api/v1/people/" + robin);
        paths.put("/api/v1/teams/{team}", "/api/v1/teams/" + team);
        paths.put("/api/v1/teams/{team}/care", "/api/v1/teams/" + team + "/care");
        return paths;
    }

    // ------------------------------------------------------------------------------------------------ set-up

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(AftercareApplication.class)
            .initializers(new TestDatabase(), new QuickPasswords())
            .profiles("test")
            // command-line arguments: they win over application.yml, as a test's properties must
            .run("--server.port=0",
                "--server.address=127.0.0.1",
                "--aftercare.care.check-in-delay=0s",
                "--aftercare.scheduler.polling-interval=200ms",
                "--aftercare.notify.poll-interval=200ms",
                "--aftercare.support.nudge-delay=0s",
                "--aftercare.notify.webhooks.require-https=false",
                "--aftercare.notify.webhooks.allow-private-addresses=true",
                "--aftercare.public-url=https://aftercare.example.test",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtpPort);
    }

    /** A fixed-offset zone (Etc/GMT±h, whose sign is reversed) in which {@code utcHour} is 12:00 or close. */
    static String aroundNoon(int utcHour) {
        int offset = 12 - utcHour; // -11 … +12, all of them zones of the time zone database
        return offset == 0 ? "UTC" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset);
    }

    static String email(String name) {
        return name.toLowerCase().replace(' ', '.') + DOMAIN;
    }

    private static UUID person(People people, String name, Role... roles) {
        Set<Role> all = new java.util.HashSet<>(List.of(roles));
        all.add(Role.RESPONDER);
        // no quiet hours and no weekend: prompts reach everyone at once, whatever the hour of the run
        return people.create(new NewPerson(name, email(name), ZONE, LocalTime.NOON, LocalTime.NOON, Set.of(),
            Map.of(), null, all, List.of(), PASSWORD), null).id();
    }

    private static UUID team(JdbcClient jdbc, String name, UUID lead, UUID... members) {
        UUID team = UUID.randomUUID();
        jdbc.sql("INSERT INTO team (id, name, name_normalized, created_at) VALUES (?, ?, ?, CURRENT_TIMESTAMP)")
            .params(team, name, name.toLowerCase()).update();
        jdbc.sql("INSERT INTO team_member (team_id, person_id, is_lead, joined_at) VALUES (?, ?, TRUE, CURRENT_TIMESTAMP)")
            .params(team, lead).update();
        for (UUID m : members) {
            jdbc.sql("INSERT INTO team_member (team_id, person_id, is_lead, joined_at) VALUES (?, ?, FALSE, CURRENT_TIMESTAMP)")
                .params(team, m).update();
        }
        return team;
    }

    private static UUID pendingCheckIn(JdbcClient jdbc, UUID person) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM care_step WHERE person_id = ? AND kind = 'CHECK_IN' AND status = 'PENDING'")
            .param(person).query(Long.class).single() == 1);
        return jdbc.sql("SELECT id FROM care_step WHERE person_id = ? AND kind = 'CHECK_IN' AND status = 'PENDING'")
            .param(person).query(UUID.class).single();
    }

    /**
     * Waits until the world is still: nothing left to send, no webhook or e-mail arrived for two seconds. Work
     * that is due later (follow-ups on day 1, 7 and 30; reminders after a day) is the same in every world and
     * lies outside the test.
     */
    private static void settle(JdbcClient jdbc, LoopbackReceiver receiver) {
        long[] last = {-1};
        long[] stableSince = {System.nanoTime()};
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            long due = jdbc.sql("SELECT COUNT(*) FROM notify_message WHERE status = 'PENDING' "
                    + "AND not_before <= CURRENT_TIMESTAMP").query(Long.class).single();
            long seen = receiver.count() * 1000L + smtp.getReceivedMessages().length;
            if (due > 0 || seen != last[0]) {
                last[0] = seen;
                stableSince[0] = System.nanoTime();
                return false;
            }
            return System.nanoTime() - stableSince[0] > Duration.ofSeconds(2).toNanos();
        });
    }

    // ------------------------------------------------------------------------------------------------ normalising

    private static final Pattern UUIDS = Pattern.compile(
        "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern TIMESTAMPS = Pattern.compile(
        "\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?");
    private static final Pattern CLOCK = Pattern.compile("\\b\\d{1,2}:\\d{2}(:\\d{2})?\\b");
    private static final Pattern DATES = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{1,2} [A-Z][a-z]{2,8} \\d{4}\\b"
        + "|\\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]* \\d{1,2} [A-Z][a-z]{2,8}\\b|\\b[A-Z][a-z]{2} \\d{1,2}\\b");
    private static final Pattern TOKENS = Pattern.compile(
        "(name=\"_csrf\" value=\"|content=\"|/c/|/invite/|/reset/|token=)[A-Za-z0-9_\\-=.+/]{16,}");
    private static final Pattern AGO = Pattern.compile("\\b(\\d+|a|an) (second|minute|hour)s? ago\\b|\\bjust now\\b"
        + "|\\bin (\\d+|a|an) (second|minute|hour)s?\\b");
    private static final Pattern EPOCH = Pattern.compile("\\b1[6-9]\\d{8,11}\\b");
    private static final Pattern PORTS = Pattern.compile("(127\\.0\\.0\\.1|localhost):\\d+");
    private static final Pattern MIME = Pattern.compile("=_Part_\\d+_\\d+\\.\\S+");
    /** Opaque pseudonyms in webhook bodies (case_…): a new case has a new one in every world, like an id. */
    private static final Pattern PSEUDONYMS = Pattern.compile("\\b[a-z]+_[A-Za-z0-9_-]{20,}");

    /** Replaces what differs between any two runs (ids, clock times, CSRF and link tokens), never a count. */
    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String s = TOKENS.matcher(text).replaceAll("$1<token>");
        s = numbered(UUIDS, s, "id");
        s = numbered(PSEUDONYMS, s, "pseudonym");
        s = PORTS.matcher(s).replaceAll("$1:<port>");
        s = MIME.matcher(s).replaceAll("=_Part_<boundary>");
        s = TIMESTAMPS.matcher(s).replaceAll("<time>");
        s = DATES.matcher(s).replaceAll("<date>");
        s = CLOCK.matcher(s).replaceAll("<clock>");
        s = AGO.matcher(s).replaceAll("<ago>");
        s = EPOCH.matcher(s).replaceAll("<epoch>");
        // Thymeleaf writes two boolean attributes of one tag in either order
        s = s.replace("disabled=\"disabled\" checked=\"checked\"", "checked=\"checked\" disabled=\"disabled\"");
        return s;
    }

    /** Replaces each distinct match by a number in the order of first appearance: the same id stays the same. */
    private static String numbered(Pattern pattern, String text, String name) {
        Map<String, String> seen = new LinkedHashMap<>();
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String n = seen.computeIfAbsent(m.group().toLowerCase(), k -> "<" + name + (seen.size() + 1) + ">");
            m.appendReplacement(out, n);
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Aftercare's own metrics; the JVM's and the web server's depend on timing, not on anyone's answers. */
    private static String aftercareMetrics(String prometheus) {
        List<String> lines = new ArrayList<>();
        for (String line : prometheus.split("\n")) {
            if (line.startsWith("aftercare_") && !line.contains("_seconds")) {
                lines.add(line);
            }
        }
        lines.sort(null);
        return String.join("\n", lines);
    }
}
