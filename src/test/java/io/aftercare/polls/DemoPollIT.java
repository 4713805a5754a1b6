package io.aftercare.polls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestApi;
import io.aftercare.support.WebSession;

/** {@code --demo}: the talk's poll of 40 engineers is there, closed, and its results read as the talk did. */
@AftercareIT
@ActiveProfiles({"test", "demo"})
@TestPropertySource(properties = {"aftercare.admin.email=", "aftercare.admin.password="})
class DemoPollIT {

    @LocalServerPort
    int port;

    @Test
    void theDemoAdminReadsTheTalksPollOnTheFirstRun() {
        TestApi admin = TestApi.at(port).basic("admin@demo.aftercare.test", "aftercare-demo");
        var polls = admin.get("/api/v1/polls");
        assertThat(polls.status()).as(polls.toString()).isEqualTo(200);
        List<String> ids = polls.json("$[?(@.poll.template == 'talk')].poll.id");
        assertThat(ids).hasSize(1);
        List<String> status = polls.json("$[?(@.poll.template == 'talk')].rounds[0].status");
        assertThat(status).containsExactly("CLOSED");

        WebSession web = WebSession.signedIn(port, "admin@demo.aftercare.test", "aftercare-demo");
        assertThat(web.get("/programme/polls").body()).contains("After incidents: the straw poll");
        String results = web.get("/polls/" + ids.get(0) + "/results").body();
        assertThat(results).contains("17 of 40 (42.5%) were stressed or very stressed", "The reach-out gap",
            "After an incident, how often do you reach out to coworkers?");
    }
}
