package io.aftercare.recovery.journal;

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
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import io.aftercare.care.SupportOfferHook;
import io.aftercare.crypto.PersonalEncryption;
import io.aftercare.directory.NewPerson;
import io.aftercare.directory.People;
import io.aftercare.identity.AftercareUser;
import io.aftercare.identity.Role;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestApi;

/**
 * The week of journaling through the API, on H2 and PostgreSQL: start, one prompt a day, entries written, changed
 * and deleted; the text is in no table in plain text (H2 runs in memory here, so every text and binary column of
 * every table is read back and searched) and in no log line; nobody but the writer reaches any of it, whatever
 * their role or token; a reminder is queued at the right time and reaches the inbox saying nothing they wrote.
 */
@AftercareIT
@AutoConfigureMockMvc(print = org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint.NONE)
@TestPropertySource(properties = "aftercare.scheduler.polling-interval=200ms")
@ExtendWith(OutputCaptureExtension.class)
class JournalIT {

    static final String PASSWORD = "journal-password-123";

    @LocalServerPort
    int port;

    @Autowired
    People people;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    MockMvc mvc;

    @Autowired
    PersonalEncryption encryption;

    @Autowired
    JournalTool tool;

    TestApi api;

    record Person(UUID id, String email) {
    }

    @BeforeEach
    void api() {
        api = TestApi.at(port);
    }

    Person person(String name, String zone, LocalTime quietStart, LocalTime quietEnd, Role... roles) {
        String email = name.toLowerCase().replace(' ', '.') + "-" + UUID.randomUUID() + "@journal.test";
        Set<Role> all = new HashSet<>(Arrays.asList(roles));
        all.add(Role.RESPONDER);
        var created = people.create(new NewPerson(name, email, zone, quietStart, quietEnd, Set.of(), Map.of(), null,
            all, List.of(), PASSWORD), null);
        return new Person(created.id(), email);
    }

    Person person(String name, Role... roles) {
        return person(name, "Europe/Berlin", LocalTime.NOON, LocalTime.NOON, roles);
    }

    TestApi as(Person p) {
        return api.basic(p.email(), PASSWORD);
    }

    /** Moves the person's journal back, as if they had started it {@code days} days ago. */
    void startedDaysAgo(Person p, int days) {
        jdbc.sql("UPDATE recovery_journal SET started_on = ? WHERE person_id = ?")
            .params(LocalDate.now(ZoneId.of("Europe/Berlin")).minusDays(days), p.id()).update();
    }

    private static AftercareUser signedIn(Person p, Role... roles) {
        EnumSet<Role> all = EnumSet.of(Role.RESPONDER);
        all.addAll(List.of(roles));
        return new AftercareUser(p.id(), p.email(), all, false, null, true);
    }

    @Test
    void aWeekOfJournalingThroughTheApi() {
        Person me = person("Writer");
        var before = as(me).get("/api/v1/me/journal");
        assertThat(before.status()).isEqualTo(200);
        assertThat(before.<Boolean>json("$.started")).isFalse();
        assertThat(before.<List<?>>json("$.prompts")).isEmpty();
        assertThat(as(me).put("/api/v1/me/journal/reminder", Map.of("enabled", true, "time", "19:00")).status())
            .as("no reminder before the journal").isEqualTo(409);

        var started = as(me).post("/api/v1/me/journal", "{}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        assertThat(started.<Integer>json("$.day")).isEqualTo(1);
        assertThat(started.<Boolean>json("$.running")).isTrue();
        assertThat(started.<List<String>>json("$.prompts[*].text")).hasSize(1).first().asString()
            .contains("the way you would write to them").doesNotContain("42.5%");
        var again = as(me).post("/api/v1/me/journal", "{}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("problem+json"));

        var day1 = as(me).post("/api/v1/me/journal/entries", Map.of("text", "Dear me, it was a long night.",
            "promptDay", 1));
        assertThat(day1.status()).as(day1.body()).isEqualTo(201);
        assertThat(day1.<Integer>json("$.promptDay")).isEqualTo(1);
        assertThat(as(me).post("/api/v1/me/journal/entries", Map.of("text", "Day two, too early", "promptDay", 2))
            .status()).as("tomorrow's prompt is not there yet").isEqualTo(400);
        var empty = as(me).post("/api/v1/me/journal/entries", Map.of("text", "   "));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("text");

        // two days later: day 3's prompt shows, with the two before it
        startedDaysAgo(me, 2);
        var day3 = as(me).get("/api/v1/me/journal");
        assertThat(day3.<Integer>json("$.day")).isEqualTo(3);
        assertThat(day3.<List<Integer>>json("$.prompts[*].day")).containsExactly(1, 2, 3);
        // the talk's figure, or the organisation's own poll when another test has left one closed
        assertThat(day3.<String>json("$.prompts[1].text")).contains("Others have been here too")
            .containsAnyOf("40 production engineers, 42.5%", "your organisation's last poll");
        assertThat(day3.<String>json("$.prompts[2].text")).contains("without making it bigger than it was");
        var free = as(me).post("/api/v1/me/journal/entries", Map.of("text", "Free thoughts"));
        assertThat(free.status()).isEqualTo(201);
        String freeId = free.json("$.id");
        var answered3 = as(me).post("/api/v1/me/journal/entries", Map.of("text", "What happened, plainly",
            "promptDay", 3));
        assertThat(answered3.status()).isEqualTo(201);

        var edited = as(me).put("/api/v1/me/journal/entries/" + day1.json("$.id"), Map.of("text", "Dear me, kinder"));
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.<String>json("$.text")).isEqualTo("Dear me, kinder");
        assertThat(as(me).delete("/api/v1/me/journal/entries/" + freeId).status()).isEqualTo(204);
        assertThat(as(me).delete("/api/v1/me/journal/entries/" + freeId).status()).isEqualTo(404);

        var now = as(me).get("/api/v1/me/journal");
        assertThat(now.<List<String>>json("$.entries[*].text")).containsExactly("Dear me, kinder",
            "What happened, plainly");
        assertThat(now.<List<Integer>>json("$.entries[*].promptDay")).containsExactly(1, 3);

        // the week is over: all seven prompts stay readable, a new week can start
        startedDaysAgo(me, 7);
        var over = as(me).get("/api/v1/me/journal");
        assertThat(over.<Boolean>json("$.running")).isFalse();
        assertThat(over.<List<Integer>>json("$.prompts[*].day")).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(as(me).post("/api/v1/me/journal", "{}").<Integer>json("$.day")).isEqualTo(1);
        assertThat(as(me).get("/api/v1/me/journal").<List<?>>json("$.entries")).as("the entries stay").hasSize(2);
    }

    @Test
    void theTextIsInNoTableInPlainTextNorInTheLogsAndIsGoneWithThePersonsKey(CapturedOutput output) throws Exception {
        Person me = person("Private writer");
        String text = "journal-plaintext-that-must-not-leak-" + UUID.randomUUID();
        assertThat(as(me).post("/api/v1/me/journal", "{}").status()).isEqualTo(201);
        var written = as(me).post("/api/v1/me/journal/entries", Map.of("text", text, "promptDay", 1));
        assertThat(written.status()).isEqualTo(201);
        String edit = text + "-edited";
        assertThat(as(me).put("/api/v1/me/journal/entries/" + written.json("$.id"), Map.of("text", edit)).status())
            .isEqualTo(200);
        assertThat(as(me).get("/api/v1/me/journal").body()).contains(edit);

        byte[] stored = jdbc.sql("SELECT text_ciphertext FROM recovery_journal_entry WHERE person_id = ?")
            .param(me.id()).query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("journal-plaintext");
        assertThat(scanDatabaseFor(text)).as("columns holding the text in plain text").isEmpty();
        assertThat(output.getAll()).as("the log").doesNotContain(text);

        var export = as(me).get("/api/v1/me/export");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.<List<String>>json("$.journal.entries[*].text")).containsExactly(edit);

        encryption.destroyKey(me.id());
        var after = as(me).get("/api/v1/me/journal");
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.body()).doesNotContain(text);
        assertThat(after.<List<Object>>json("$.entries[*].text")).containsExactly((Object) null);
    }

    @Test
    void erasureDeletesTheJournalAndItsReminder() {
        Person me = person("Leaving writer");
        as(me).post("/api/v1/me/journal", "{}");
        as(me).post("/api/v1/me/journal/entries", Map.of("text", "going soon"));
        as(me).put("/api/v1/me/journal/reminder", Map.of("enabled", true, "time", "23:59"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM recovery_journal_entry WHERE person_id = ?").param(me.id())
            .query(Long.class).single()).isOne();
        var erased = as(me).send("DELETE", "/api/v1/me", TestApi.json(Map.of("confirmation", me.email())),
            "application/json");
        assertThat(erased.status()).as(erased.body()).isEqualTo(204);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM recovery_journal_entry WHERE person_id = ?").param(me.id())
            .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM recovery_journal WHERE person_id = ?").param(me.id())
            .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_instance LIKE ?")
            .param(me.id() + ":%").query(Long.class).single()).isZero();
    }

    @Test
    void nobodyElseReachesTheJournalWhateverTheirRoleOrToken() throws Exception {
        Person owner = person("Owner");
        String text = "owner-only-" + UUID.randomUUID();
        as(owner).post("/api/v1/me/journal", "{}");
        String entry = as(owner).post("/api/v1/me/journal/entries", Map.of("text", text, "promptDay", 1))
            .json("$.id");
        Person other = person("Other");
        Person lead = person("Lead", Role.LEAD);
        Person admin = person("Admin", Role.ADMIN);
        Person coordinator = person("Coordinator", Role.COORDINATOR);
        Person supporter = person("Supporter", Role.SUPPORTER);
        String adminToken = as(admin).post("/api/v1/tokens", Map.of("name", "script")).json("$.token");
        String otherToken = as(other).post("/api/v1/tokens", Map.of("name", "bot")).json("$.token");
        List<TestApi> strangers = List.of(as(other), as(lead), as(admin), as(coordinator), as(supporter),
            api.bearer(adminToken), api.bearer(otherToken), api.asAdmin());
        for (TestApi stranger : strangers) {
            var own = stranger.get("/api/v1/me/journal");
            assertThat(own.status()).isEqualTo(200);
            assertThat(own.body()).doesNotContain(text).doesNotContain(entry);
            var put = stranger.put("/api/v1/me/journal/entries/" + entry, Map.of("text", "overwritten"));
            assertThat(put.status()).isEqualTo(404);
            assertThat(put.body()).doesNotContain(text);
            assertThat(stranger.delete("/api/v1/me/journal/entries/" + entry).status()).isEqualTo(404);
        }
        assertThat(api.anonymous().get("/api/v1/me/journal").status()).isEqualTo(401);

        for (AftercareUser u : List.of(signedIn(other), signedIn(lead, Role.LEAD), signedIn(admin, Role.ADMIN),
                signedIn(coordinator, Role.COORDINATOR), signedIn(supporter, Role.SUPPORTER))) {
            for (String page : List.of("/me/recovery", "/me/recovery/journal", "/me")) {
                MockHttpServletResponse shown = mvc.perform(get(page).with(user(u))).andReturn().getResponse();
                assertThat(shown.getStatus()).isEqualTo(200);
                assertThat(shown.getContentAsString()).doesNotContain(text).doesNotContain(entry);
            }
            assertThat(mvc.perform(post("/me/recovery/journal/entries/" + entry).with(user(u)).with(csrf())
                .param("text", "overwritten")).andReturn().getResponse().getStatus()).isEqualTo(404);
            assertThat(mvc.perform(post("/me/recovery/journal/entries/" + entry + "/delete").with(user(u))
                .with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(404);
        }
        assertThat(as(owner).get("/api/v1/me/journal").<List<String>>json("$.entries[*].text"))
            .as("still the owner's, untouched").containsExactly(text);
    }

    @Test
    void thePagesWalkTheWeek() throws Exception {
        Person me = person("Page writer");
        AftercareUser u = signedIn(me);
        String overview = mvc.perform(get("/me/recovery").with(user(u))).andReturn().getResponse()
            .getContentAsString();
        assertThat(overview).contains("Recovery tools").contains("Start a one-week journal")
            .doesNotContain("All your recovery tools");
        assertThat(mvc.perform(get("/me").with(user(u))).andReturn().getResponse().getContentAsString())
            .contains("All your recovery tools").contains("href=\"/me/recovery\"")
            .contains("Start a one-week journal");

        String page = mvc.perform(get("/me/recovery/journal").with(user(u))).andReturn().getResponse()
            .getContentAsString();
        // never answered the short questionnaire: it is offered first, and skipping it starts the journal as well
        assertThat(page).contains("Why this can help").contains("Mosewich").contains("Neff")
            .contains("Skip them and start");
        assertThat(mvc.perform(post("/me/recovery/journal/start").with(user(u)).with(csrf())).andReturn()
            .getResponse().getRedirectedUrl()).isEqualTo("/me/recovery/journal");
        startedDaysAgo(me, 2);
        page = mvc.perform(get("/me/recovery/journal").with(user(u))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Day 3 of 7").contains("without making it bigger than it was");

        var missing = mvc.perform(post("/me/recovery/journal/entries").with(user(u)).with(csrf())
            .param("promptDay", "3").param("text", " ")).andReturn().getResponse();
        assertThat(missing.getStatus()).as("shown again with the error in place").isEqualTo(200);
        assertThat(missing.getContentAsString()).contains("prompt-text-error").contains("is required");

        assertThat(mvc.perform(post("/me/recovery/journal/entries").with(user(u)).with(csrf())
            .param("promptDay", "3").param("text", "Plainly: the deploy broke checkout for 20 minutes."))
            .andReturn().getResponse().getStatus()).isEqualTo(302);
        page = mvc.perform(get("/me/recovery/journal").with(user(u))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Plainly: the deploy broke checkout for 20 minutes.").contains("Today");
        assertThat(mvc.perform(get("/me/recovery").with(user(u))).andReturn().getResponse().getContentAsString())
            .contains("Day 3 of 7 · today&#39;s prompt");
    }

    @Test
    void theJournalIsOfferedAfterAHardAnswerUnlessOneIsRunning() {
        Person me = person("Offered");
        assertThat(tool.afterAnswer(me.id(), null, new SupportOfferHook.OwnAnswers(5, Set.of(), null),
            Locale.ENGLISH)).extracting(l -> l.text()).containsExactly("Write to yourself for a week");
        assertThat(tool.afterAnswer(me.id(), null, new SupportOfferHook.OwnAnswers(4, Set.of(), null),
            Locale.ENGLISH)).hasSize(1);
        assertThat(tool.afterAnswer(me.id(), null, new SupportOfferHook.OwnAnswers(null, Set.of(), 3.0),
            Locale.ENGLISH)).hasSize(1);
        assertThat(tool.afterAnswer(me.id(), null, new SupportOfferHook.OwnAnswers(3, Set.of(), 2.9),
            Locale.ENGLISH)).isEmpty();
        as(me).post("/api/v1/me/journal", "{}");
        assertThat(tool.afterAnswer(me.id(), null, new SupportOfferHook.OwnAnswers(5, Set.of(), null),
            Locale.ENGLISH)).as("already running").isEmpty();
    }

    @Test
    void aReminderInsideQuietHoursIsQueuedAtTheirEnd() {
        Person me = person("Night owl", "America/New_York", LocalTime.of(22, 0), LocalTime.of(7, 0));
        as(me).post("/api/v1/me/journal", "{}");
        var on = as(me).put("/api/v1/me/journal/reminder", Map.of("enabled", true, "time", "23:30"));
        assertThat(on.status()).as(on.body()).isEqualTo(200);
        assertThat(on.<String>json("$.reminder.time")).isEqualTo("23:30");
        Instant at = jdbc.sql("SELECT execution_time FROM scheduled_tasks WHERE task_name = ? AND task_instance LIKE ?")
            .params(JournalScheduling.REMINDER_DUE.getTaskName(), me.id() + ":%")
            .query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant()).single();
        assertThat(at.atZone(ZoneId.of("America/New_York")).toLocalTime()).isEqualTo(LocalTime.of(7, 0));
        assertThat(at).isAfter(Instant.now());

        var off = as(me).put("/api/v1/me/journal/reminder", Map.of("enabled", false));
        assertThat(off.<Boolean>json("$.reminder.enabled")).isFalse();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_instance LIKE ?").param(me.id() + ":%")
            .query(Long.class).single()).as("turned off, nothing waits").isZero();
    }

    @Test
    void aDueReminderReachesTheInboxSayingNothingTheyWrote() {
        Person me = person("Reminded");
        String text = "never-in-a-message-" + UUID.randomUUID();
        as(me).post("/api/v1/me/journal", "{}");
        as(me).post("/api/v1/me/journal/entries", Map.of("text", text, "promptDay", 1));
        as(me).put("/api/v1/me/journal/reminder", Map.of("enabled", true, "time", "12:00"));
        String instance = jdbc.sql("SELECT task_instance FROM scheduled_tasks WHERE task_instance LIKE ?")
            .param(me.id() + ":%").query(String.class).single();
        // let the queued reminder fall due now
        jdbc.sql("UPDATE scheduled_tasks SET execution_time = ? WHERE task_instance = ?")
            .params(java.time.OffsetDateTime.now().minusSeconds(1), instance).update();

        await().atMost(Duration.ofSeconds(30)).until(() -> as(me).get("/api/v1/me/inbox")
            .<List<String>>json("$[*].kind").contains("JOURNAL_PROMPT"));
        var inbox = as(me).get("/api/v1/me/inbox");
        assertThat(inbox.<List<String>>json("$[?(@.kind == 'JOURNAL_PROMPT')].title"))
            .containsExactly("Your journal prompt for today is ready");
        assertThat(inbox.<List<String>>json("$[?(@.kind == 'JOURNAL_PROMPT')].link"))
            .containsExactly("/me/recovery/journal");
        assertThat(inbox.body()).doesNotContain(text);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM scheduled_tasks WHERE task_instance LIKE ? AND task_instance <> ?")
            .params(me.id() + ":%", instance).query(Long.class).single() == 1);
    }

    /** Every text and binary column of every table, read back and searched for the text (as UTF-8 for bytes). */
    private List<String> scanDatabaseFor(String text) throws Exception {
        List<String> hits = new ArrayList<>();
        List<String[]> columns = jdbc.sql("""
                SELECT table_name, column_name, data_type FROM information_schema.columns
                WHERE LOWER(table_schema) = 'public'""")
            .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3).toLowerCase()})
            .list();
        assertThat(columns).extracting(c -> c[0]).contains("recovery_journal_entry");
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
                        byte[] value = binary ? rs.getBytes(1)
                            : rs.getString(1) == null ? null : rs.getString(1).getBytes(StandardCharsets.UTF_8);
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

    /** Moves the person's questionnaire answers back, as if given {@code days} days earlier. */
    void answersDaysAgo(Person p, int days) {
        for (var row : jdbc.sql("SELECT id, answered_at FROM recovery_self_compassion WHERE person_id = ?")
                .param(p.id()).query((rs, n) -> new Object[] {rs.getObject("id", UUID.class),
                    io.aftercare.shared.DbTime.instant(rs, "answered_at")}).list()) {
            jdbc.sql("UPDATE recovery_self_compassion SET answered_at = ? WHERE id = ?")
                .params(io.aftercare.shared.DbTime.toDb(((Instant) row[1]).minus(Duration.ofDays(days))), row[0])
                .update();
        }
    }

    @Test
    void theQuestionnaireIsOfferedAsTheJournalStartsAndOnDaysSevenAndThirtyAndSkippingIsOneTap() throws Exception {
        // skipping: one tap starts the journal, nothing is kept
        Person skipper = person("Skipper");
        AftercareUser s = signedIn(skipper);
        String page = mvc.perform(get("/me/recovery/journal").with(user(s))).andReturn().getResponse()
            .getContentAsString();
        assertThat(page).contains("Before you start, if you like").contains("Answer them, then start")
            .contains("Skip them and start");
        assertThat(mvc.perform(post("/me/recovery/journal/start").with(user(s)).with(csrf())).andReturn()
            .getResponse().getRedirectedUrl()).isEqualTo("/me/recovery/journal");
        page = mvc.perform(get("/me/recovery/journal").with(user(s))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Day 1 of 7").doesNotContain("Before you start, if you like");
        assertThat(as(skipper).get("/api/v1/me/measures").<List<?>>json("$.answers")).isEmpty();

        // answering first: the questionnaire opens with a skip as plain as its save, and leads back to day 1
        Person me = person("Answerer");
        AftercareUser u = signedIn(me);
        assertThat(mvc.perform(post("/me/recovery/journal/start").with(user(u)).with(csrf()).param("then", "measures"))
            .andReturn().getResponse().getRedirectedUrl()).isEqualTo("/me/recovery/measures?from=journal");
        String measures = mvc.perform(get("/me/recovery/measures").param("from", "journal").with(user(u)))
            .andReturn().getResponse().getContentAsString();
        assertThat(measures).contains("Skip, go to my journal").contains("href=\"/me/recovery/journal\"")
            .contains("name=\"from\" value=\"journal\"");
        assertThat(mvc.perform(post("/me/recovery/measures").with(user(u)).with(csrf()).param("from", "journal")
            .param("kindness", "2").param("harshness", "4")).andReturn().getResponse().getRedirectedUrl())
            .isEqualTo("/me/recovery/journal");
        var answers = as(me).get("/api/v1/me/measures");
        assertThat(answers.<List<String>>json("$.answers[*].stage")).containsExactly("BEFORE");
        page = mvc.perform(get("/me/recovery/journal").with(user(u))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Day 1 of 7").doesNotContain("A week on");

        // the journal's day 7: offered again, on the journal page and on Recovery tools
        startedDaysAgo(me, 6);
        answersDaysAgo(me, 6);
        page = mvc.perform(get("/me/recovery/journal").with(user(u))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Day 7 of 7").contains("A week on")
            .contains("href=\"/me/recovery/measures?from=journal\"");
        assertThat(mvc.perform(get("/me/recovery").with(user(u))).andReturn().getResponse().getContentAsString())
            .contains("A short questionnaire about how kind you are being to yourself");
        as(me).post("/api/v1/me/measures", Map.of("items", Map.of("kindness", 3)));
        page = mvc.perform(get("/me/recovery/journal").with(user(u))).andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("A week on");

        // and a month on: day 30, the week long over
        startedDaysAgo(me, 29);
        answersDaysAgo(me, 23);
        page = mvc.perform(get("/me/recovery/journal").with(user(u))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("A month on");
        assertThat(as(me).get("/api/v1/me/measures").<List<String>>json("$.answers[*].stage"))
            .containsExactly("BEFORE", "DAY_7");
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
}
