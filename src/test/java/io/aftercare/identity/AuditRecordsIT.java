package io.aftercare.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.aftercare.directory.NewPerson;
import io.aftercare.directory.People;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestApi;
import io.aftercare.support.WebSession;

/** What other modules' settings and an admin's look at a person leave in the audit log. */
@AftercareIT
class AuditRecordsIT {

    static final String PASSWORD = "audit-records-password";

    @LocalServerPort
    int port;

    @Autowired
    People people;

    @Autowired
    JdbcClient jdbc;

    TestApi api;

    @BeforeEach
    void setUp() {
        api = TestApi.at(port);
    }

    private long count(String action) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = ?").param(action).query(Long.class).single();
    }

    @Test
    void changingTheOfferThresholdIsRecordedWithoutAnyonesAnswers() {
        long before = count("support.settings.changed");
        WebSession admin = WebSession.signedIn(port, TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD);
        admin.get("/programme/support");
        var saved = admin.post("/programme/support/settings", Map.of("offerMinStress", "3", "offerMinRumination", "3.5"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(count("support.settings.changed")).isEqualTo(before + 1);
        var entry = api.asAdmin().get("/api/v1/audit?action=support.settings.changed&size=1");
        assertThat(entry.<String>json("$.items[0].detail")).contains("offerMinStress=3");
        assertThat(entry.<String>json("$.items[0].actorName")).isNotBlank();
    }

    @Test
    void addingASupporterToTheRosterIsRecordedAndShownToThem() {
        String email = "s-" + UUID.randomUUID() + "@example.com";
        people.create(NewPerson.of("Sasha", email, "UTC", Set.of(Role.RESPONDER, Role.SUPPORTER), PASSWORD), null);
        WebSession admin = WebSession.signedIn(port, TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD);
        admin.get("/programme/support");
        assertThat(admin.post("/programme/support/roster", Map.of("email", email)).statusCode()).isEqualTo(302);
        assertThat(api.basic(email, PASSWORD).get("/api/v1/me/access-log").<List<String>>json("$[*].action"))
            .contains("support.roster.added");
    }

    @Test
    void anAdminOpeningSomeonesRecordShowsInTheirAccessLog() {
        String email = "p-" + UUID.randomUUID() + "@example.com";
        UUID id = people.create(NewPerson.of("Pat", email, "UTC", Set.of(Role.RESPONDER), PASSWORD), null).id();
        TestApi pat = api.basic(email, PASSWORD);
        assertThat(pat.get("/api/v1/me/access-log").<List<Object>>json("$")).isEmpty();

        WebSession admin = WebSession.signedIn(port, TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD);
        assertThat(admin.get("/people/" + id).statusCode()).isEqualTo(200);

        assertThat(pat.get("/api/v1/me/access-log").<List<String>>json("$[*].action")).containsExactly("person.viewed");
        assertThat(WebSession.signedIn(port, email, PASSWORD).get("/settings/access-log").body())
            .contains("Opened your details in the directory");
    }
}
