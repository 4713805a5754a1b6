package io.aftercare.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestApi;
import io.aftercare.support.WebSession;

/** The first-run screen's demo button: the new admin takes part in demo incidents and has care history of their own. */
@AftercareIT
// the first run happens once per database: no other test class may be handed this context afterwards
@DirtiesContext
@TestPropertySource(properties = {"aftercare.admin.email=", "aftercare.admin.password="})
class DemoFromFirstRunIT {

    @LocalServerPort
    int port;

    @Test
    void theAdminWhoLoadsTheDemoSeesTheirOwnCare() {
        WebSession firstVisit = WebSession.anonymous(port);
        assertThat(firstVisit.get("/setup").statusCode()).isEqualTo(200);
        var created = firstVisit.post("/setup", Map.of("name", "Robin Admin", "email", "robin@example.com",
            "timeZone", "Europe/London", "password", "a long first password", "confirm", "a long first password",
            "demo", "on"));
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(created.headers().firstValue("Location").orElseThrow()).contains("demo");

        TestApi robin = TestApi.at(port).basic("robin@example.com", "a long first password");
        assertThat(robin.get("/api/v1/people?size=100").<Integer>json("$.total")).isGreaterThanOrEqualTo(13);
        List<String> stages = robin.get("/api/v1/me/cases").json("$[*].stage");
        assertThat(stages).contains("OPENED", "CHECKED_IN", "CLOSED");
        List<Integer> stress = robin.get("/api/v1/me/check-ins").json("$[*].checkIn.stress");
        assertThat(stress).hasSizeGreaterThanOrEqualTo(5);
    }
}
