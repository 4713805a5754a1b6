package io.aftercare.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.aftercare.directory.NewPerson;
import io.aftercare.directory.People;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestApi;
import io.aftercare.support.WebSession;

/** The audit log is a hash chain that shows tampering, readable and filterable by admins only. */
@AftercareIT
class AuditLogIT {

    static final String PASSWORD = "audit-person-password";

    @LocalServerPort
    int port;

    @Autowired
    AuditLog audit;

    @Autowired
    People people;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    TestApi api;

    @BeforeEach
    void setUp() {
        api = TestApi.at(port);
    }

    private UUID adminId() {
        return jdbc.sql("SELECT person_id FROM account WHERE login = ?").param(TestApi.ADMIN_EMAIL)
            .query(UUID.class).single();
    }

    private UUID idOf(String action) {
        return jdbc.sql("SELECT id FROM audit_log WHERE action = ?").param(action).query(UUID.class).single();
    }

    private record Row(UUID id, OffsetDateTime at, UUID actor, String action, String target, String detail,
                       UUID subject, long seq, String prevHash, String hash) {
    }

    private Row row(UUID id) {
        return jdbc.sql("""
                SELECT id, at, actor_id, action, target, detail, subject_person_id, seq, prev_hash, entry_hash
                FROM audit_log WHERE id = ?""").param(id)
            .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, OffsetDateTime.class),
                rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getObject(7, UUID.class), rs.getLong(8), rs.getString(9), rs.getString(10))).single();
    }

    private void restore(Row r) {
        jdbc.sql("""
                INSERT INTO audit_log (id, at, actor_id, action, target, detail, subject_person_id, seq, prev_hash,
                                       entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(r.id(), r.at(), r.actor(), r.action(), r.target(), r.detail(), r.subject(), r.seq(),
                r.prevHash(), r.hash()).update();
    }

    private String[] threeEntries() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String[] actions = {"test.first." + tag, "test.second." + tag, "test.third." + tag};
        for (String action : actions) {
            audit.record(adminId(), action, "test", "detail of " + action);
        }
        return actions;
    }

    @Test
    void anUntouchedChainVerifies() {
        threeEntries();
        var verified = api.asAdmin().get("/api/v1/audit/verify");
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.<Boolean>json("$.ok")).isTrue();
        assertThat(verified.<Integer>json("$.entriesChecked")).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aChangedDetailBreaksTheChainAtThatEntry() {
        String[] actions = threeEntries();
        UUID second = idOf(actions[1]);
        Row original = row(second);
        jdbc.sql("UPDATE audit_log SET detail = ? WHERE id = ?").params("nothing happened", second).update();
        try {
            var verified = api.asAdmin().get("/api/v1/audit/verify");
            assertThat(verified.<Boolean>json("$.ok")).isFalse();
            assertThat(verified.<String>json("$.brokenId")).isEqualTo(second.toString());
            assertThat(verified.<Integer>json("$.brokenSeq")).isEqualTo((int) original.seq());
            assertThat(verified.<String>json("$.problem")).contains("changed");
        } finally {
            jdbc.sql("UPDATE audit_log SET detail = ? WHERE id = ?").params(original.detail(), second).update();
        }
        assertThat(api.asAdmin().get("/api/v1/audit/verify").<Boolean>json("$.ok")).isTrue();
    }

    @Test
    void aDeletedMiddleEntryBreaksTheChainAtTheOneAfterIt() {
        String[] actions = threeEntries();
        Row middle = row(idOf(actions[1]));
        UUID third = idOf(actions[2]);
        jdbc.sql("DELETE FROM audit_log WHERE id = ?").param(middle.id()).update();
        try {
            var verified = api.asAdmin().get("/api/v1/audit/verify");
            assertThat(verified.<Boolean>json("$.ok")).isFalse();
            assertThat(verified.<String>json("$.brokenId")).isEqualTo(third.toString());
            assertThat(verified.<String>json("$.problem")).contains("missing");
        } finally {
            restore(middle);
        }
        assertThat(api.asAdmin().get("/api/v1/audit/verify").<Boolean>json("$.ok")).isTrue();
    }

    @Test
    void aDeletedLastEntryIsNoticedToo() {
        String[] actions = threeEntries();
        Row last = row(idOf(actions[2]));
        jdbc.sql("DELETE FROM audit_log WHERE id = ?").param(last.id()).update();
        try {
            var verified = api.asAdmin().get("/api/v1/audit/verify");
            assertThat(verified.<Boolean>json("$.ok")).isFalse();
            assertThat(verified.<Integer>json("$.brokenSeq")).isBetween((int) last.seq(), (int) last.seq() + 1);
        } finally {
            restore(last);
        }
    }

    @Test
    void aReadRecordedInsideAReadOnlyTransactionIsKept() {
        String action = "test.read." + UUID.randomUUID().toString().substring(0, 8);
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        readOnly.executeWithoutResult(status -> audit.record(adminId(), adminId(), action, "test", null));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = ?").param(action).query(Long.class)
            .single()).isEqualTo(1);
        assertThat(api.asAdmin().get("/api/v1/audit/verify").<Boolean>json("$.ok")).isTrue();
    }

    @Test
    void writersAtTheSameTimeStillMakeOneUnbrokenLine() throws Exception {
        String tag = "test.parallel." + UUID.randomUUID().toString().substring(0, 8);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                writes.add(pool.submit(() -> {
                    for (int i = 0; i < 15; i++) {
                        audit.record(null, tag, "test", String.valueOf(i));
                    }
                }));
            }
            for (Future<?> w : writes) {
                w.get();
            }
        } finally {
            pool.shutdown();
        }
        List<Long> seqs = jdbc.sql("SELECT seq FROM audit_log WHERE action = ? ORDER BY seq").param(tag)
            .query(Long.class).list();
        assertThat(seqs).hasSize(60).doesNotHaveDuplicates();
        assertThat(api.asAdmin().get("/api/v1/audit/verify").<Boolean>json("$.ok")).isTrue();
    }

    @Test
    void adminsReadTheLogFilteredAndPagedAndNoOneElseCan() {
        // the UTC day the entries are written on or after: the test may run across midnight
        LocalDate started = LocalDate.now(ZoneOffset.UTC);
        String[] actions = threeEntries();
        String email = "a-" + UUID.randomUUID() + "@example.com";
        people.create(NewPerson.of("Ada Auditor-Watched", email, "UTC", Set.of(Role.RESPONDER), PASSWORD), null);
        assertThat(api.basic(email, PASSWORD).get("/api/v1/audit").status()).isEqualTo(403);
        assertThat(api.basic(email, PASSWORD).get("/api/v1/audit/verify").status()).isEqualTo(403);
        assertThat(api.anonymous().get("/api/v1/audit").status()).isEqualTo(401);

        var one = api.asAdmin().get("/api/v1/audit?action=" + actions[1]);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.<Integer>json("$.total")).isEqualTo(1);
        assertThat(one.<String>json("$.items[0].detail")).isEqualTo("detail of " + actions[1]);
        assertThat(one.<String>json("$.items[0].actorId")).isEqualTo(adminId().toString());

        var byAdmin = api.asAdmin().get("/api/v1/audit?actor=" + adminId() + "&from=" + started + "&to="
            + LocalDate.now(ZoneOffset.UTC) + "&size=1&page=0");
        assertThat(byAdmin.<Integer>json("$.total")).isGreaterThanOrEqualTo(3);
        assertThat(byAdmin.<List<Object>>json("$.items")).hasSize(1);
        var byEmail = api.asAdmin().get("/api/v1/audit?actor=admin%40aftercare&action=" + actions[2]);
        assertThat(byEmail.<Integer>json("$.total")).isEqualTo(1);
        var yesterday = api.asAdmin().get("/api/v1/audit?action=" + actions[0] + "&to=" + started.minusDays(1));
        assertThat(yesterday.<Integer>json("$.total")).isZero();

        var bad = api.asAdmin().get("/api/v1/audit?from=yesterday");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.<String>json("$.errors[0].field")).isEqualTo("from");
    }

    @Test
    void theAdminPageFiltersAndChecksTheChain() {
        String[] actions = threeEntries();
        WebSession admin = WebSession.signedIn(port, TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD);
        var page = admin.get("/admin/audit?action=" + actions[0]);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("detail of " + actions[0]).doesNotContain("detail of " + actions[1])
            .contains("href=\"/admin/audit\"");
        assertThat(admin.get("/admin/audit?verify=true").body()).contains("as they were written");
        assertThat(admin.get("/admin/audit?from=31.12.2026").body())
            .contains("Enter a day, for example 2026-03-31.").contains("aria-invalid=\"true\"");

        String email = "a-" + UUID.randomUUID() + "@example.com";
        people.create(NewPerson.of("Ada", email, "UTC", Set.of(Role.RESPONDER), PASSWORD), null);
        assertThat(WebSession.signedIn(port, email, PASSWORD).get("/admin/audit").statusCode()).isEqualTo(403);
    }

    @Test
    void theAdminPageSaysWhatHappenedInWordsAndWhoItWasDoneToByName() {
        String email = "r-" + UUID.randomUUID() + "@example.com";
        UUID rosa = people.create(NewPerson.of("Rosa Quint", email, "UTC", Set.of(Role.RESPONDER), PASSWORD), null)
            .id();
        audit.record(adminId(), rosa, "ROLES_CHANGED", "person:" + rosa, "[RESPONDER] -> [RESPONDER, ADMIN]");
        WebSession admin = WebSession.signedIn(port, TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD);

        String body = admin.get("/admin/audit?action=ROLES_CHANGED").body();
        // Rosa's row (other tests of this application may have changed roles too, some in older formats)
        int name = body.indexOf("<td>Rosa Quint</td>");
        assertThat(name).isPositive();
        String row = body.substring(body.lastIndexOf("<tr>", name), body.indexOf("</tr>", name));
        assertThat(row).contains("<td>Roles changed</td>", "<td>Responder \u2192 Responder, Admin</td>")
            .doesNotContain("[RESPONDER]");
        assertThat(body).doesNotContain(rosa.toString(), "<td>ROLES_CHANGED</td>")
            // the filter offers the same words, and still filters by the stored code
            .contains("<option value=\"ROLES_CHANGED\" selected=\"selected\">Roles changed</option>");

        // the API keeps the codes and ids, and names each code as the page does
        var entries = api.asAdmin().get("/api/v1/audit?action=ROLES_CHANGED&size=1");
        assertThat(entries.<String>json("$.items[0].target")).isEqualTo("person:" + rosa);
        var actions = api.asAdmin().get("/api/v1/audit/actions");
        assertThat(actions.status()).isEqualTo(200);
        assertThat(actions.<List<String>>json("$[?(@.action == 'ROLES_CHANGED')].name"))
            .containsExactly("Roles changed");
    }

    @Test
    void aPersonSeesWhatOthersDidAboutThemButNotTheirOwnActionsNorOthersEntries() {
        String email = "w-" + UUID.randomUUID() + "@example.com";
        UUID me = people.create(NewPerson.of("Wren", email, "UTC", Set.of(Role.RESPONDER), PASSWORD), null).id();
        String other = "o-" + UUID.randomUUID() + "@example.com";
        UUID someoneElse = people.create(NewPerson.of("Otto", other, "UTC", Set.of(Role.RESPONDER), PASSWORD), null)
            .id();
        TestApi wren = api.basic(email, PASSWORD);
        wren.post("/api/v1/tokens", Map.of("name", "my own"));
        assertThat(wren.get("/api/v1/me/access-log").<List<Object>>json("$")).isEmpty();

        var roles = api.asAdmin().put("/api/v1/people/" + me + "/roles", Map.of("roles", List.of("RESPONDER", "SUPPORTER")));
        assertThat(roles.status()).isEqualTo(200);
        api.asAdmin().put("/api/v1/people/" + someoneElse + "/roles", Map.of("roles", List.of("RESPONDER", "LEAD")));

        var log = wren.get("/api/v1/me/access-log");
        assertThat(log.status()).isEqualTo(200);
        assertThat(log.<List<String>>json("$[*].action")).containsExactly("ROLES_CHANGED");
        assertThat(log.<String>json("$[0].byName")).isEqualTo(
            jdbc.sql("SELECT name FROM person WHERE id = ?").param(adminId()).query(String.class).single());
        assertThat(log.body()).doesNotContain(someoneElse.toString());

        var page = WebSession.signedIn(port, email, PASSWORD).get("/settings/access-log");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Changed your roles");
    }
}
