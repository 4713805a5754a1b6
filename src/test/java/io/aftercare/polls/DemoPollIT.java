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

        // "coworkers reach out to me": 9, 14, 11, 5 and 1 of 40. "Often or always" (6) less "often" (5) would give
        // "always" exactly where it reads "2 or fewer": "often" is withheld, on the page and in the API alike
        assertThat(results).contains("6 of 40 (15.0%) said coworkers often or always reach out to them",
            "2 or fewer of 40 answered “Always”",
            "How many answered “Often” is not shown, so that a small count beside it cannot be worked out from the "
                + "total.")
            .doesNotContain("5 of 40 (12.5%) answered “Often”", "1 of 40 (2.5%)");
        var api = admin.get("/api/v1/polls/" + ids.get(0) + "/results");
        assertThat((Boolean) api.json("$.questions[2].choices[3].shown.hidden")).isTrue();
        assertThat((String) api.json("$.questions[2].choices[3].shown.value")).isEqualTo("not shown");
        assertThat((String) api.json("$.questions[2].choices[4].shown.value")).isEqualTo("2 or fewer of 40");
        assertThat((Boolean) api.json("$.reachOutGap.reachedOutTo[3].hidden")).isTrue();
        // where nothing is at an edge, every option is shown: 11 of 40 often reach out to coworkers
        assertThat((String) api.json("$.questions[3].choices[3].shown.value")).isEqualTo("11 of 40 (27.5%)");
    }
}
