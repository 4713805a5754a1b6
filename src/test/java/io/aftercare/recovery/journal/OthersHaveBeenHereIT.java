package io.aftercare.recovery.journal;

import static io.aftercare.peersupport.SupportFixtures.PASSWORD;
import static io.aftercare.peersupport.SupportFixtures.person;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.aftercare.directory.People;
import io.aftercare.identity.Role;
import io.aftercare.polls.TalkPoll;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestApi;
import io.aftercare.support.WebSession;

/**
 * "Others have been here too" on H2 and PostgreSQL: the organisation's own figure when its last closed poll for
 * everyone can be shown to the person through the rule set, the talk's figure when it cannot.
 */
@AftercareIT
class OthersHaveBeenHereIT {

    @LocalServerPort
    int port;

    @Autowired
    People people;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TalkPoll talkPoll;

    /** Day 2's prompt of a journal started two days ago, from the API and from the page. */
    String othersPrompt(io.aftercare.peersupport.SupportFixtures.Person jo, String onThePage) {
        TestApi api = TestApi.at(port).basic(jo.email(), PASSWORD);
        if (api.get("/api/v1/me/journal").<Boolean>json("$.started") != Boolean.TRUE) {
            assertThat(api.post("/api/v1/me/journal", "{}").status()).isEqualTo(201);
            jdbc.sql("UPDATE recovery_journal SET started_on = ? WHERE person_id = ?")
                .params(LocalDate.now(ZoneOffset.UTC).minusDays(2), jo.id()).update();
        }
        String text = api.get("/api/v1/me/journal").json("$.prompts[1].text");
        assertThat(text).contains(onThePage);
        assertThat(WebSession.signedIn(port, jo.email(), PASSWORD).get("/me/recovery/journal").body())
            .contains(onThePage);
        return text;
    }

    @Test
    void theOrganisationsOwnPollIsQuotedWhenItCanBeShownAndTheTalksOtherwise() {
        var cora = person(people, "Cora Polls", null, Role.COORDINATOR);
        var jo = person(people, "Jo Journal", null);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        // the organisation's last poll for everyone: the talk's 40, 17 of them stressed or very stressed
        talkPoll.loadClosed(cora.id(), today.minusDays(1));
        assertThat(othersPrompt(jo, "17 of 40 (42.5%) said they were stressed"))
            .contains("in your organisation's last poll, 17 of 40 (42.5%) said they were "
            + "stressed or very stressed after an incident").doesNotContain("production engineers");

        // a newer poll for everyone that only four people answered: it cannot be shown, so the talk's figure is
        UUID small = talkPoll.loadClosed(cora.id(), today);
        UUID round = jdbc.sql("SELECT id FROM polls_round WHERE poll_id = ?").param(small).query(UUID.class).single();
        List<UUID> markers = jdbc.sql("SELECT person_id FROM polls_participation WHERE round_id = ?").param(round)
            .query(UUID.class).list();
        for (UUID marker : markers.subList(4, markers.size())) {
            jdbc.sql("DELETE FROM polls_participation WHERE round_id = ? AND person_id = ?").params(round, marker)
                .update();
        }
        assertThat(othersPrompt(jo, "straw poll of 40 production engineers"))
            .contains("in a straw poll of 40 production engineers, 42.5% said they were "
            + "stressed").doesNotContain("your organisation");
    }
}
