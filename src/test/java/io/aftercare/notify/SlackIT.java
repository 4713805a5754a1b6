package io.aftercare.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.aftercare.notify.NotifyFixtures.count;
import static io.aftercare.notify.NotifyFixtures.incident;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.jayway.jsonpath.JsonPath;

import io.aftercare.care.CareCases;
import io.aftercare.directory.NewPerson;
import io.aftercare.directory.People;
import io.aftercare.identity.Role;
import io.aftercare.peersupport.OutreachNudged;
import io.aftercare.peersupport.SupportRequested;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestApi;

/**
 * Slack direct messages against WireMock standing in for Slack's Web API: a check-in is opened and posted as a DM
 * with its buttons; a 429 waits for its Retry-After; 500s are retried and the message goes once; a signed stress
 * click records the person's own answer and updates the message; a bad or stale signature is 401 and records
 * nothing; {@code /aftercare rough} opens a case for the person who typed it. E-mail is not configured here, so
 * Slack is everyone's outward channel.
 */
@AftercareIT
@TestPropertySource(properties = {"aftercare.care.check-in-delay=0s", "aftercare.scheduler.polling-interval=200ms",
    "aftercare.notify.poll-interval=200ms", "aftercare.notify.initial-backoff=200ms",
    "aftercare.notify.max-backoff=1s", "aftercare.notify.max-attempts=100",
    "aftercare.public-url=https://aftercare.example.test", "aftercare.slack.bot-token=xoxb-slack-it",
    "aftercare.slack.signing-secret=" + SlackIT.SECRET})
class SlackIT {

    static final String SECRET = "slack-it-signing-secret";
    static final WireMockServer SLACK = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static {
        SLACK.start();
    }

    @DynamicPropertySource
    static void slack(DynamicPropertyRegistry registry) {
        registry.add("aftercare.slack.api-url", () -> "http://127.0.0.1:" + SLACK.port() + "/api/");
    }

    @AfterAll
    static void stop() {
        SLACK.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    People people;

    @Autowired
    CareCases care;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    record SlackPerson(UUID id, String email, String slackUser, String dm) {
    }

    /** A person the directory knows as a Slack user, with a DM channel of their own at the fake Slack. */
    SlackPerson person(String name) {
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String email = name.toLowerCase().replace(' ', '.') + "-" + suffix + "@slack.test";
        var created = people.create(new NewPerson(name, email, "Europe/Berlin", LocalTime.NOON, LocalTime.NOON,
            Set.of(), Map.of("slack", "U" + suffix), null, Set.of(Role.RESPONDER), List.of(),
            NotifyFixtures.PASSWORD), null);
        SlackPerson p = new SlackPerson(created.id(), email, "U" + suffix, "D" + suffix);
        SLACK.stubFor(post(urlEqualTo("/api/conversations.open")).withRequestBody(containing("users=" + p.slackUser()))
            .willReturn(okJson("{\"ok\":true,\"channel\":{\"id\":\"" + p.dm() + "\"}}")));
        SLACK.stubFor(post(urlEqualTo("/api/chat.postMessage")).withRequestBody(containing("channel=" + p.dm()))
            .willReturn(okJson("{\"ok\":true,\"channel\":\"" + p.dm() + "\",\"ts\":\"1700000000.000100\"}")));
        SLACK.stubFor(post(urlEqualTo("/api/chat.update")).withRequestBody(containing("channel=" + p.dm()))
            .willReturn(okJson("{\"ok\":true}")));
        return p;
    }

    List<LoggedRequest> posted(SlackPerson p) {
        return SLACK.findAll(postRequestedFor(urlEqualTo("/api/chat.postMessage"))
            .withRequestBody(containing("channel=" + p.dm())));
    }

    List<LoggedRequest> opened(SlackPerson p) {
        return SLACK.findAll(postRequestedFor(urlEqualTo("/api/conversations.open"))
            .withRequestBody(containing("users=" + p.slackUser())));
    }

    List<LoggedRequest> updated(SlackPerson p) {
        return SLACK.findAll(postRequestedFor(urlEqualTo("/api/chat.update"))
            .withRequestBody(containing("channel=" + p.dm())));
    }

    static Map<String, String> form(String body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    /** The check-in DM the person got (after it went). */
    Map<String, String> checkInMessage(SlackPerson p) {
        await().atMost(Duration.ofSeconds(30)).until(() -> posted(p).size() == 1);
        return form(posted(p).get(0).getBodyAsString());
    }

    @Test
    void aCheckInArrivesAsADirectMessageWithFiveStressButtonsNotNowAndTheFormLink() {
        SlackPerson robin = person("Robin Slack");
        care.incidentResolved(incident(robin.id()));

        Map<String, String> message = checkInMessage(robin);
        assertThat(opened(robin)).hasSize(1);
        assertThat(opened(robin).get(0).getHeader("Authorization")).isEqualTo("Bearer xoxb-slack-it");
        assertThat(message.get("channel")).isEqualTo(robin.dm());
        assertThat(message.get("text")).isEqualTo("How are you doing after the incident?");
        String blocks = message.get("blocks");
        String step = jdbc.sql("SELECT id FROM care_step WHERE person_id = ? AND status = 'PENDING'")
            .param(robin.id()).query(UUID.class).single().toString();
        List<String> stress = JsonPath.read(blocks, "$[?(@.block_id == 'stress')].elements[*].action_id");
        assertThat(stress).containsExactly("stress_1", "stress_2", "stress_3", "stress_4", "stress_5");
        List<String> labels = JsonPath.read(blocks, "$[?(@.block_id == 'stress')].elements[*].text.text");
        assertThat(labels).containsExactly("Not at all", "Slightly", "Moderately", "Stressed", "Very stressed");
        List<String> values = JsonPath.read(blocks, "$[?(@.block_id == 'stress')].elements[*].value");
        assertThat(values).containsOnly(step);
        List<String> more = JsonPath.read(blocks, "$[?(@.block_id == 'more')].elements[*].text.text");
        assertThat(more).containsExactly("Answer the check-in", "Not now");
        List<String> links = JsonPath.read(blocks, "$[?(@.block_id == 'more')].elements[*].url");
        assertThat(links).singleElement().asString().matches("https://aftercare\\.example\\.test/c/[A-Za-z0-9_-]{20,}");
        assertThat(blocks).contains("How are you doing after the incident?")
            .contains("Only you can see your answers");
        // the worker marks a message sent once Slack has answered: a moment after the post is seen
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
            assertThat(count(jdbc, robin.id(), "SLACK", "SENT")).isEqualTo(1));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
            assertThat(count(jdbc, robin.id(), "INBOX", "SENT")).isEqualTo(1));
    }

    @Test
    void theEndOfShiftQuestionArrivesWithAButtonPerChoiceEachASignedLink() {
        SlackPerson sid = person("Sid Shift");
        UUID question = UUID.randomUUID();
        java.time.Instant ended = java.time.Instant.now().minus(Duration.ofMinutes(5));
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("""
                    INSERT INTO oncall_effort (id, person_id, team_id, rotation_id, shift_starts_at, shift_ends_at,
                        asked_at) VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(question, sid.id(), UUID.randomUUID(), UUID.randomUUID(),
                    java.sql.Timestamp.from(ended.minus(Duration.ofHours(12))), java.sql.Timestamp.from(ended),
                    java.sql.Timestamp.from(java.time.Instant.now()))
                .update();
            events.publishEvent(new io.aftercare.insights.EndOfShiftQuestionAsked(question, sid.id(), ended));
        });

        Map<String, String> message = checkInMessage(sid);
        assertThat(message.get("text")).isEqualTo("Your on-call shift has ended");
        String blocks = message.get("blocks");
        List<String> labels = JsonPath.read(blocks, "$[?(@.block_id == 'effort')].elements[*].text.text");
        assertThat(labels).containsExactly("None", "A little", "A fair amount", "A lot", "Everything I had");
        List<String> links = JsonPath.read(blocks, "$[?(@.block_id == 'effort')].elements[*].url");
        assertThat(links).hasSize(5).allSatisfy(l -> assertThat(l)
            .matches("https://aftercare\\.example\\.test/c/effort/[A-Za-z0-9_-]{20,}"));
        assertThat(links).doesNotHaveDuplicates();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM oncall_effort_link WHERE question_id = ?").param(question)
            .query(Long.class).single()).isEqualTo(5);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM oncall_effort WHERE id = ? AND effort IS NULL").param(question)
            .query(Long.class).single()).as("nothing answered by sending").isEqualTo(1);
    }

    @Test
    void aPersonTheDirectoryDoesNotNameIsFoundByEmailOnce() {
        String email = "sasha-" + UUID.randomUUID() + "@slack.test";
        var created = people.create(new NewPerson("Sasha Lookup", email, "Europe/Berlin", LocalTime.NOON,
            LocalTime.NOON, Set.of(), Map.of(), null, Set.of(Role.RESPONDER), List.of(), NotifyFixtures.PASSWORD),
            null);
        SlackPerson sasha = new SlackPerson(created.id(), email, "ULOOKUP" + created.id().toString().substring(0, 6),
            "DLOOKUP" + created.id().toString().substring(0, 6));
        SLACK.stubFor(post(urlEqualTo("/api/users.lookupByEmail"))
            .withRequestBody(containing("email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)))
            .willReturn(okJson("{\"ok\":true,\"user\":{\"id\":\"" + sasha.slackUser() + "\"}}")));
        SLACK.stubFor(post(urlEqualTo("/api/conversations.open")).withRequestBody(containing("users=" + sasha.slackUser()))
            .willReturn(okJson("{\"ok\":true,\"channel\":{\"id\":\"" + sasha.dm() + "\"}}")));
        SLACK.stubFor(post(urlEqualTo("/api/chat.postMessage")).withRequestBody(containing("channel=" + sasha.dm()))
            .willReturn(okJson("{\"ok\":true,\"channel\":\"" + sasha.dm() + "\",\"ts\":\"1.2\"}")));

        care.incidentResolved(incident(sasha.id()));

        checkInMessage(sasha);
        assertThat(jdbc.sql("SELECT slack_user_id FROM notify_slack_user WHERE person_id = ?").param(sasha.id())
            .query(String.class).single()).isEqualTo(sasha.slackUser());
    }

    @Test
    void aRateLimitWaitsForItsRetryAfterBeforeTheNextTry() {
        SlackPerson kim = person("Kim Ratelimit");
        SLACK.stubFor(post(urlEqualTo("/api/conversations.open")).withRequestBody(containing("users=" + kim.slackUser()))
            .inScenario("rate-" + kim.slackUser()).whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3")
                .withHeader("Content-Type", "application/json").withBody("{\"ok\":false,\"error\":\"ratelimited\"}"))
            .willSetStateTo("limited-once"));
        SLACK.stubFor(post(urlEqualTo("/api/conversations.open")).withRequestBody(containing("users=" + kim.slackUser()))
            .inScenario("rate-" + kim.slackUser()).whenScenarioStateIs("limited-once")
            .willReturn(okJson("{\"ok\":true,\"channel\":{\"id\":\"" + kim.dm() + "\"}}")));

        care.incidentResolved(incident(kim.id()));

        checkInMessage(kim);
        List<LoggedRequest> tries = opened(kim);
        assertThat(tries).hasSize(2);
        Duration between = Duration.between(tries.get(0).getLoggedDate().toInstant(),
            tries.get(1).getLoggedDate().toInstant());
        // the worker's own backoff would have tried again after 200 ms
        assertThat(between).isGreaterThanOrEqualTo(Duration.ofMillis(2900));
        // the worker marks a message sent once Slack has answered: a moment after the post is seen
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
            assertThat(count(jdbc, kim.id(), "SLACK", "SENT")).isEqualTo(1));
    }

    @Test
    void serverErrorsAreRetriedAndTheMessageGoesOnce() {
        SlackPerson lee = person("Lee Outage");
        String scenario = "errors-" + lee.slackUser();
        SLACK.stubFor(post(urlEqualTo("/api/chat.postMessage")).withRequestBody(containing("channel=" + lee.dm()))
            .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(500)).willSetStateTo("failed-once"));
        SLACK.stubFor(post(urlEqualTo("/api/chat.postMessage")).withRequestBody(containing("channel=" + lee.dm()))
            .inScenario(scenario).whenScenarioStateIs("failed-once")
            .willReturn(aResponse().withStatus(503)).willSetStateTo("failed-twice"));
        SLACK.stubFor(post(urlEqualTo("/api/chat.postMessage")).withRequestBody(containing("channel=" + lee.dm()))
            .inScenario(scenario).whenScenarioStateIs("failed-twice")
            .willReturn(okJson("{\"ok\":true,\"channel\":\"" + lee.dm() + "\",\"ts\":\"1.3\"}")));

        care.incidentResolved(incident(lee.id()));

        await().atMost(Duration.ofSeconds(30)).until(() -> count(jdbc, lee.id(), "SLACK", "SENT") == 1);
        // and it stays at three tries: the worker keeps running and posts nothing more
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> posted(lee).size() == 3);
        assertThat(jdbc.sql("SELECT attempts FROM notify_message WHERE person_id = ? AND channel = 'SLACK'")
            .param(lee.id()).query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void aSignedStressClickRecordsThePersonsOwnAnswerAndUpdatesTheMessage() throws Exception {
        SlackPerson ari = person("Ari Click");
        care.incidentResolved(incident(ari.id()));
        String step = JsonPath.<List<String>>read(checkInMessage(ari).get("blocks"),
            "$[?(@.block_id == 'stress')].elements[0].value").get(0);

        HttpResponse<String> click = slack("/webhooks/slack/interactivity",
            click(ari, "stress_4", step), Instant.now(), SECRET);

        assertThat(click.statusCode()).isEqualTo(200);
        TestApi me = TestApi.at(port).basic(ari.email(), NotifyFixtures.PASSWORD);
        var checkIns = me.get("/api/v1/me/check-ins");
        List<Integer> stress = checkIns.json("$[?(@.id == '" + step + "')].checkIn.stress");
        assertThat(stress).containsExactly(4);
        // the rest of the form stays open for them
        List<String> status = checkIns.json("$[?(@.id == '" + step + "')].status");
        assertThat(status).containsExactly("PENDING");

        await().atMost(Duration.ofSeconds(10)).until(() -> updated(ari).size() == 1);
        Map<String, String> update = form(updated(ari).get(0).getBodyAsString());
        assertThat(update.get("ts")).isEqualTo("1700000000.000100");
        assertThat(update.get("text")).startsWith("Thank you");
        assertThat(update.get("blocks")).contains("Thank you").contains("Add to your answer")
            .doesNotContain("stress_").doesNotContain("Stressed");
        List<String> link = JsonPath.read(update.get("blocks"), "$..elements[*].url");
        assertThat(link).singleElement().asString().startsWith("https://aftercare.example.test/c/");
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        HttpResponse<String> form = browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
            + URI.create(link.get(0)).getPath())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).as("the rest of the form opens from the link").isEqualTo(200);
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> answered = browser.send(HttpRequest.newBuilder(form.uri())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("action=answer&stress=2&effects=NONE&outreach=NOBODY&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(answered.statusCode()).isEqualTo(200);
        // the whole answer replaces the one click
        var after = me.get("/api/v1/me/check-ins");
        assertThat(after.<List<Integer>>json("$[?(@.id == '" + step + "')].checkIn.stress")).containsExactly(2);
        assertThat(after.<List<String>>json("$[?(@.id == '" + step + "')].status")).containsExactly("ANSWERED");
    }

    @Test
    void aSlackUserThatNoLongerExistsMakesADeadLetterAtOnce() {
        SlackPerson gone = person("Gone Away");
        SLACK.stubFor(post(urlEqualTo("/api/conversations.open")).withRequestBody(containing("users=" + gone.slackUser()))
            .willReturn(okJson("{\"ok\":false,\"error\":\"user_not_found\"}")));

        care.incidentResolved(incident(gone.id()));

        await().atMost(Duration.ofSeconds(30)).until(() -> count(jdbc, gone.id(), "SLACK", "DEAD") == 1);
        assertThat(opened(gone)).hasSize(1);
        assertThat(jdbc.sql("SELECT last_error FROM notify_message WHERE person_id = ? AND channel = 'SLACK'")
            .param(gone.id()).query(String.class).single()).isEqualTo("conversations.open: user_not_found");
    }

    @Test
    void aBadOrStaleSignatureIsRefusedAndRecordsNothing() throws Exception {
        SlackPerson noa = person("Noa Forged");
        care.incidentResolved(incident(noa.id()));
        String step = JsonPath.<List<String>>read(checkInMessage(noa).get("blocks"),
            "$[?(@.block_id == 'stress')].elements[0].value").get(0);
        String body = click(noa, "stress_5", step);

        assertThat(slack("/webhooks/slack/interactivity", body, Instant.now(), "not-the-secret").statusCode())
            .isEqualTo(401);
        assertThat(slack("/webhooks/slack/interactivity", body, Instant.now().minus(Duration.ofMinutes(6)), SECRET)
            .statusCode()).isEqualTo(401);
        HttpResponse<String> unsigned = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/webhooks/slack/interactivity"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(slack("/webhooks/slack/commands", "user_id=" + noa.slackUser() + "&text=rough",
            Instant.now(), "not-the-secret").statusCode()).isEqualTo(401);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM care_check_in_answer WHERE person_id = ?").param(noa.id())
            .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM care_case WHERE person_id = ?").param(noa.id())
            .query(Long.class).single()).isEqualTo(1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> updated(noa).isEmpty());
    }

    @Test
    void aClickOnSomeoneElsesCheckInRecordsNothing() throws Exception {
        SlackPerson owner = person("Owner Step");
        SlackPerson other = person("Other Clicker");
        care.incidentResolved(incident(owner.id()));
        String step = JsonPath.<List<String>>read(checkInMessage(owner).get("blocks"),
            "$[?(@.block_id == 'stress')].elements[0].value").get(0);

        assertThat(slack("/webhooks/slack/interactivity", click(other, "stress_1", step), Instant.now(), SECRET)
            .statusCode()).isEqualTo(200);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM care_check_in_answer WHERE step_id = ?")
            .param(UUID.fromString(step)).query(Long.class).single()).isZero();
    }

    @Test
    void slashCommandRoughOpensACaseForThePersonWhoTypedIt() throws Exception {
        SlackPerson jo = person("Jo Rough");

        HttpResponse<String> me = slack("/webhooks/slack/commands",
            "command=%2Faftercare&text=&user_id=" + jo.slackUser(), Instant.now(), SECRET);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<String>read(me.body(), "$.response_type")).isEqualTo("ephemeral");
        assertThat(JsonPath.<String>read(me.body(), "$.text")).contains("https://aftercare.example.test/me");

        HttpResponse<String> rough = slack("/webhooks/slack/commands",
            "command=%2Faftercare&text=rough&user_id=" + jo.slackUser(), Instant.now(), SECRET);

        assertThat(rough.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<String>read(rough.body(), "$.response_type")).isEqualTo("ephemeral");
        assertThat(JsonPath.<String>read(rough.body(), "$.text")).containsPattern(
            "https://aftercare\\.example\\.test/c/[A-Za-z0-9_-]{20,}");
        var cases = TestApi.at(port).basic(jo.email(), NotifyFixtures.PASSWORD).get("/api/v1/me/cases");
        List<String> origins = cases.json("$[*].origin");
        assertThat(origins).containsExactly("SELF");
        List<String> pending = TestApi.at(port).basic(jo.email(), NotifyFixtures.PASSWORD)
            .get("/api/v1/me/check-ins").json("$[?(@.status == 'PENDING')].kind");
        assertThat(pending).containsExactly("CHECK_IN");
    }

    @Test
    void slashCommandFromASlackUserTheDirectoryDoesNotNameFindsThemByEmail() throws Exception {
        String email = "mika-" + UUID.randomUUID() + "@slack.test";
        var created = people.create(new NewPerson("Mika Info", email, "Europe/Berlin", LocalTime.NOON,
            LocalTime.NOON, Set.of(), Map.of(), null, Set.of(Role.RESPONDER), List.of(), NotifyFixtures.PASSWORD),
            null);
        String slackUser = "UINFO" + created.id().toString().substring(0, 6).toUpperCase();
        SLACK.stubFor(post(urlEqualTo("/api/users.info")).withRequestBody(containing("user=" + slackUser))
            .willReturn(okJson("{\"ok\":true,\"user\":{\"id\":\"" + slackUser + "\",\"profile\":{\"email\":\""
                + email + "\"}}}")));

        HttpResponse<String> rough = slack("/webhooks/slack/commands", "text=rough&user_id=" + slackUser,
            Instant.now(), SECRET);

        assertThat(JsonPath.<String>read(rough.body(), "$.text")).contains("https://aftercare.example.test/c/");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM care_case WHERE person_id = ? AND origin = 'SELF'")
            .param(created.id()).query(Long.class).single()).isEqualTo(1);

        HttpResponse<String> stranger = slack("/webhooks/slack/commands", "text=rough&user_id=UNOBODY",
            Instant.now(), SECRET);
        assertThat(JsonPath.<String>read(stranger.body(), "$.text")).contains("does not know your Slack account");
    }

    @Test
    void nudgesAndSupportRequestsArriveAsDirectMessagesThatNameNobody() {
        SlackPerson teammate = person("Tam Nudged");
        SlackPerson supporter = person("Sol Supporter");
        SlackPerson about = person("Quinn Private");
        Instant now = Instant.now();
        UUID nudge = UUID.randomUUID();
        transactions.executeWithoutResult(t -> {
            events.publishEvent(new OutreachNudged(nudge, UUID.randomUUID(), about.id(), teammate.id(), "TEAMMATE",
                now));
            events.publishEvent(new SupportRequested(UUID.randomUUID(), about.id(), "CHECK_IN", supporter.id(),
                now.plus(Duration.ofHours(4)), now));
        });

        Map<String, String> nudged = checkInMessage(teammate);
        assertThat(nudged.get("text")).isEqualTo("A colleague could use a friendly hello");
        List<String> nudgeLinks = JsonPath.read(nudged.get("blocks"), "$..elements[*].url");
        assertThat(nudgeLinks).containsExactly("https://aftercare.example.test/nudges/" + nudge);
        assertThat(nudged.get("blocks")).doesNotContain("Quinn").doesNotContain("stress_");

        Map<String, String> asked = checkInMessage(supporter);
        assertThat(asked.get("text")).isEqualTo("Someone asked for someone to talk to");
        List<String> requestLinks = JsonPath.read(asked.get("blocks"), "$..elements[*].url");
        assertThat(requestLinks).containsExactly("https://aftercare.example.test/support/assigned");
        assertThat(asked.get("blocks")).doesNotContain("Quinn");

        List<String> inbox = TestApi.at(port).basic(teammate.email(), NotifyFixtures.PASSWORD).get("/api/v1/me/inbox")
            .json("$[*].link");
        assertThat(inbox).containsExactly("/nudges/" + nudge);
        // the same event again adds nothing
        transactions.executeWithoutResult(t -> events.publishEvent(new OutreachNudged(nudge, UUID.randomUUID(),
            about.id(), teammate.id(), "TEAMMATE", now)));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> posted(teammate).size() == 1);
        assertThat(count(jdbc, teammate.id(), "SLACK", "SENT")).isEqualTo(1);
    }

    static String click(SlackPerson p, String action, String step) {
        String payload = "{\"type\":\"block_actions\",\"user\":{\"id\":\"" + p.slackUser() + "\"},"
            + "\"container\":{\"type\":\"message\",\"channel_id\":\"" + p.dm() + "\","
            + "\"message_ts\":\"1700000000.000100\"},"
            + "\"actions\":[{\"action_id\":\"" + action + "\",\"block_id\":\"stress\",\"value\":\"" + step + "\","
            + "\"type\":\"button\"}]}";
        return "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
    }

    /** Posts a form body as Slack would, signed with {@code secret} at {@code at}. */
    HttpResponse<String> slack(String path, String body, Instant at, String secret) throws Exception {
        String timestamp = Long.toString(at.getEpochSecond());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = "v0=" + HexFormat.of().formatHex(
            mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8)));
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Slack-Request-Timestamp", timestamp).header("X-Slack-Signature", signature)
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
