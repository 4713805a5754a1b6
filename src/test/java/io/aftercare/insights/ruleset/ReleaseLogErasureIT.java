package io.aftercare.insights.ruleset;

import static io.aftercare.peersupport.SupportFixtures.PASSWORD;
import static io.aftercare.peersupport.SupportFixtures.person;
import static io.aftercare.peersupport.SupportFixtures.team;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.aftercare.directory.People;
import io.aftercare.identity.Role;
import io.aftercare.insights.teams.InsightFixtures;
import io.aftercare.shared.Months;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestApi;
import io.aftercare.support.WebSession;

/**
 * Erasure and the rule set's release log on H2 and PostgreSQL (decision 0046): after a person is erased their id is
 * nowhere in the insight tables, and what a coordinator was shown of a month they were in reads the same as before.
 */
@AftercareIT
class ReleaseLogErasureIT {

    @LocalServerPort
    int port;

    @Autowired
    People people;

    @Autowired
    JdbcClient jdbc;

    static String section(WebSession session, String path, String opening) {
        var response = session.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        String body = response.body();
        return body.substring(body.indexOf(opening), body.indexOf("</section>"));
    }

    long rows(String sql, UUID id) {
        return jdbc.sql(sql).param(id).query(Long.class).single();
    }

    @Test
    void anErasedPersonLeavesNoIdInTheReleaseLogAndTheFiguresAViewerSawStayAsTheyWere() {
        // a released month no other test writes into: eight people after incidents, four reached within a day
        YearMonth month = Months.latestReleased(Instant.now()).minusMonths(24);
        InsightFixtures care = new InsightFixtures(jdbc);
        UUID checkout = team(jdbc, "Checkout", null);
        Instant working = InsightFixtures.workingHours(month);
        List<UUID> responders = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            UUID id = person(people, "Responder " + i, null).id();
            responders.add(id);
            care.caseOf(id, checkout, "SEV2", working.plus(Duration.ofMinutes(i)),
                working.plus(Duration.ofHours(2)), new InsightFixtures.Answers(i < 5 ? 4 : 2,
                    List.of(i < 6 ? "SLEEPING_DIFFICULTIES" : "NONE"), 3, 3, 2, i < 4 ? Duration.ofHours(5) : null));
        }
        var cora = person(people, "Cora Erasure", null, Role.COORDINATOR);
        var cleo = person(people, "Cleo Erasure", null, Role.COORDINATOR);
        WebSession page = WebSession.signedIn(port, cora.email(), PASSWORD);
        String health = "/programme/support/health?month=" + month;
        String insight = "/programme/insight?month=" + month;
        String healthBefore = section(page, health, "<section class=\"support\">");
        String insightBefore = section(page, insight, "<section class=\"insight\">");
        assertThat(healthBefore).contains("4 of 8 (50.0%)");
        assertThat(insightBefore).contains("5 of 8 (62.5%) felt stressed");
        // Cleo has been shown the month too: her own log as a viewer
        assertThat(section(WebSession.signedIn(port, cleo.email(), PASSWORD), health, "<section class=\"support\">"))
            .isEqualTo(healthBefore);
        UUID erased = responders.get(0);
        assertThat(rows("SELECT COUNT(*) FROM insights_release_member WHERE person_id = ?", erased)).isPositive();

        for (UUID id : List.of(erased, cleo.id())) {
            var gone = TestApi.at(port).asAdmin().delete("/api/v1/people/" + id);
            assertThat(gone.status()).as(gone.toString()).isEqualTo(204);
        }

        // neither id is left in any insight table, as a member of a set or as a viewer
        for (UUID id : List.of(erased, cleo.id())) {
            assertThat(rows("SELECT COUNT(*) FROM insights_release_member WHERE person_id = ?", id)).isZero();
            assertThat(rows("SELECT COUNT(*) FROM insights_release WHERE viewer_id = ?", id)).isZero();
            assertThat(rows("SELECT COUNT(*) FROM insights_release_viewer WHERE viewer_id = ?", id)).isZero();
        }
        // Cora's sets still count the erased person, as a token that is no one's id
        assertThat(rows("""
                SELECT COUNT(*) FROM insights_release_member m JOIN insights_release r ON r.id = m.release_id
                WHERE r.viewer_id = ? AND m.erased = TRUE""", cora.id())).isPositive();

        // what Cora was shown reads the same: not "3 of 7", and not refused as a set that changed under her
        assertThat(section(page, health, "<section class=\"support\">")).isEqualTo(healthBefore);
        assertThat(section(page, insight, "<section class=\"insight\">")).isEqualTo(insightBefore);
        // someone shown nothing before is given the month as it is now, without the erased person
        var cody = person(people, "Cody Erasure", null, Role.COORDINATOR);
        assertThat(section(WebSession.signedIn(port, cody.email(), PASSWORD), health, "<section class=\"support\">"))
            .contains("3 of 7 (42.9%)");
        assertThat(section(WebSession.signedIn(port, cody.email(), PASSWORD), insight, "<section class=\"insight\">"))
            .contains("4 of 7 (57.1%) felt stressed");
    }
}
