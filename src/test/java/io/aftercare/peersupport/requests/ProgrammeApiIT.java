package io.aftercare.peersupport.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.aftercare.directory.People;
import io.aftercare.identity.Role;
import io.aftercare.peersupport.SupportFixtures;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestApi;

/**
 * What the coordinator's programme page, a supporter's settings page and the resources pages do, through the API,
 * with the pages' own authorization: the roster and its settings, the offer threshold, retrying a waiting request,
 * a supporter's capacity and break, professional help that anyone may read.
 */
@AftercareIT
class ProgrammeApiIT {

    @LocalServerPort
    int port;

    @Autowired
    People people;

    @Autowired
    Roster roster;

    /** Other tests count on the settings a new installation has. */
    @AfterEach
    void backToTheFirstSettings() {
        roster.save(new Roster.Settings(true, true, 4, true, 4.0), null);
    }

    @Test
    void aCoordinatorKeepsTheRosterAndTheOfferThreshold() {
        var coordinator = SupportFixtures.person(people, "Cora Ordinator", null, Role.COORDINATOR).api(port);
        var supporter = SupportFixtures.person(people, "Sam Supporter", null, Role.SUPPORTER);
        var responder = SupportFixtures.person(people, "Rae Responder", null);

        var added = coordinator.post("/api/v1/programme/support/roster", Map.of("email", supporter.email()));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat((String) added.json("$.name")).isEqualTo("Sam Supporter");
        var notASupporter = coordinator.post("/api/v1/programme/support/roster", Map.of("email", responder.email()));
        assertThat(notASupporter.status()).isEqualTo(400);
        assertThat((String) notASupporter.json("$.errors[0].field")).isEqualTo("email");

        var page = coordinator.get("/api/v1/programme/support");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat((List<String>) page.json("$.roster[*].personId")).contains(supporter.id().toString());
        assertThat(page.json("$.settings.offerMinStress").toString()).isNotEmpty();

        Map<String, Object> settings = new HashMap<>(Map.of("excludeSameTeam", true, "excludeSameLine", false,
            "offerMinStress", 3, "offerNeedsSleep", false, "offerMinRumination", 4.5));
        var saved = coordinator.put("/api/v1/programme/support/settings", settings);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(coordinator.get("/api/v1/programme/support").json("$.settings.offerMinStress").toString())
            .isEqualTo("3");
        assertThat((Boolean) coordinator.get("/api/v1/programme/support").json("$.settings.excludeSameTeam")).isTrue();

        settings.put("offerMinStress", 9);
        settings.remove("offerMinRumination");
        var invalid = coordinator.put("/api/v1/programme/support/settings", settings);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat((List<String>) invalid.json("$.errors[*].field"))
            .containsExactlyInAnyOrder("offerMinStress", "offerMinRumination");
        assertThat(coordinator.get("/api/v1/programme/support").json("$.settings.offerMinStress").toString())
            .isEqualTo("3");

        assertThat(coordinator.post("/api/v1/programme/support/requests/" + UUID.randomUUID() + "/retry", Map.of())
            .status()).isEqualTo(404);
        assertThat(responder.api(port).get("/api/v1/programme/support").status()).isEqualTo(403);
        assertThat(supporter.api(port).put("/api/v1/programme/support/settings", settings).status()).isEqualTo(403);
    }

    @Test
    void aSupporterSetsTheirCapacityAndBreakAsOnTheirSettingsPage() {
        var supporter = SupportFixtures.person(people, "Sky Supporter", null, Role.SUPPORTER).api(port);
        var responder = SupportFixtures.person(people, "Rio Responder", null).api(port);

        assertThat(supporter.get("/api/v1/me/supporter-settings").status()).isEqualTo(200);
        var saved = supporter.put("/api/v1/me/supporter-settings", Map.of("weeklyCapacity", 2,
            "languages", List.of("English", "Deutsch"), "workStart", "08:00", "workEnd", "16:00", "onBreak", true));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        var read = supporter.get("/api/v1/me/supporter-settings");
        assertThat(read.json("$.weeklyCapacity").toString()).isEqualTo("2");
        assertThat((List<String>) read.json("$.languages")).containsExactly("English", "Deutsch");
        assertThat((Boolean) read.json("$.onBreak")).isTrue();
        assertThat((String) read.json("$.workEnd")).isEqualTo("16:00");

        var invalid = supporter.put("/api/v1/me/supporter-settings", Map.of("weeklyCapacity", 99,
            "languages", List.of(), "workStart", "17:00", "workEnd", "09:00", "onBreak", false));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat((List<String>) invalid.json("$.errors[*].field")).containsExactlyInAnyOrder("weeklyCapacity", "workEnd");
        assertThat(responder.get("/api/v1/me/supporter-settings").status()).isEqualTo(403);
    }

    @Test
    void anyoneReadsProfessionalHelpAndOnlyCoordinatorsChangeIt() {
        var coordinator = SupportFixtures.person(people, "Cai Ordinator", null, Role.COORDINATOR).api(port);
        var responder = SupportFixtures.person(people, "Ren Responder", null).api(port);
        String name = "Night line " + UUID.randomUUID();

        var created = coordinator.post("/api/v1/programme/resources", Map.of("country", "Germany", "kind", "CRISIS",
            "name", name, "contact", "0800 111 0 111", "url", "https://example.org/night"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json("$.id");
        var anonymous = TestApi.at(port).anonymous().get("/api/v1/resources");
        assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(200);
        assertThat((List<String>) anonymous.json("$[*].name")).contains(name);

        var invalid = coordinator.post("/api/v1/programme/resources", Map.of("name", " ", "url", "javascript:alert(1)",
            "kind", "MAGIC"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat((List<String>) invalid.json("$.errors[*].field")).containsExactlyInAnyOrder("name", "url", "kind");
        assertThat(responder.post("/api/v1/programme/resources", Map.of("name", "Mine")).status()).isEqualTo(403);
        assertThat(responder.delete("/api/v1/programme/resources/" + id).status()).isEqualTo(403);

        assertThat(coordinator.delete("/api/v1/programme/resources/" + id).status()).isEqualTo(204);
        assertThat((List<String>) TestApi.at(port).anonymous().get("/api/v1/resources").json("$[*].name"))
            .doesNotContain(name);
        assertThat(coordinator.delete("/api/v1/programme/resources/" + id).status()).isEqualTo(404);
    }
}
