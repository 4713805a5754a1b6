package io.aftercare.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestApi;

@AftercareIT
class RotationApiIT {

    @LocalServerPort
    int port;

    @Autowired
    Directory directory;

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    TestApi admin() {
        return TestApi.at(port).asAdmin();
    }

    String person(String name, String password) {
        String email = unique(name.toLowerCase()) + "@example.com";
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "email", email));
        if (password != null) {
            body.put("password", password);
        }
        var r = admin().post("/api/v1/people", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json("$.id");
    }

    String email(String personId) {
        return admin().get("/api/v1/people/" + personId).json("$.email");
    }

    String team(List<String> leads, List<String> members) {
        var r = admin().post("/api/v1/teams", Map.of("name", unique("Team"), "leads", leads, "members", members));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json("$.id");
    }

    static Map<String, Object> weekly(String name, List<String> members) {
        return Map.of("name", name, "members", members, "shiftLength", "PT168H", "handoffTime", "09:00",
            "timeZone", "Europe/Berlin", "startsOn", "2026-01-05");
    }

    @Test
    void aWeeklyRotationHandsOffInOrderAndAnOverrideWinsWhileItLasts() {
        String ana = person("Ana", null);
        String bo = person("Bo", null);
        String cy = person("Cy", null);
        String team = team(List.of(), List.of(ana, bo, cy));

        var created = admin().post("/api/v1/teams/" + team + "/rotations", weekly("Primary", List.of(ana, bo)));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String rotation = created.json("$.id");
        assertThat((String) created.json("$.shiftLength")).isEqualTo("PT168H");
        assertThat((String) created.json("$.handoffTime")).isEqualTo("09:00");
        assertThat((String) created.json("$.startsOn")).isEqualTo("2026-01-05");
        assertThat((String) created.json("$.teamId")).isEqualTo(team);
        assertThat((List<String>) created.json("$.members")).containsExactly(ana, bo);

        // 09:00 in Berlin in January is 08:00 UTC
        var first = admin().get("/api/v1/teams/" + team + "/oncall?at=2026-01-05T08:00:00Z");
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat((String) first.json("$.teamId")).isEqualTo(team);
        assertThat((List<String>) first.json("$.onCall[*].personId")).containsExactly(ana);
        assertThat((List<String>) first.json("$.onCall[*].name")).containsExactly("Ana");
        assertThat((List<String>) first.json("$.onCall[*].email")).containsExactly(email(ana));
        assertThat((List<String>) first.json("$.onCall[*].rotationName")).containsExactly("Primary");
        assertThat((List<String>) admin().get("/api/v1/teams/" + team + "/oncall?at=2026-01-12T08:00:00Z")
            .json("$.onCall[*].personId")).containsExactly(bo);
        assertThat((List<?>) admin().get("/api/v1/teams/" + team + "/oncall?at=2026-01-05T07:59:59Z")
            .json("$.onCall")).isEmpty();

        var override = admin().post("/api/v1/teams/" + team + "/rotations/" + rotation + "/overrides",
            Map.of("personId", cy, "startsAt", "2026-01-13T00:00:00Z", "endsAt", "2026-01-14T00:00:00Z"));
        assertThat(override.status()).as(override.toString()).isEqualTo(201);
        String overrideId = override.json("$.id");
        assertThat((List<String>) admin().get("/api/v1/teams/" + team + "/oncall?at=2026-01-13T12:00:00Z")
            .json("$.onCall[*].personId")).containsExactly(cy);
        assertThat((List<String>) admin().get("/api/v1/teams/" + team + "/oncall?at=2026-01-14T00:00:00Z")
            .json("$.onCall[*].personId")).containsExactly(bo);
        assertThat(directory.onCall(UUID.fromString(team), java.time.Instant.parse("2026-01-13T12:00:00Z")))
            .containsExactly(UUID.fromString(cy));
        assertThat((List<String>) admin().get("/api/v1/teams/" + team + "/rotations/" + rotation)
            .json("$.overrides[*].id")).containsExactly(overrideId);

        assertThat(admin().delete("/api/v1/teams/" + team + "/rotations/" + rotation + "/overrides/" + overrideId)
            .status()).isEqualTo(204);
        assertThat((List<String>) admin().get("/api/v1/teams/" + team + "/oncall?at=2026-01-13T12:00:00Z")
            .json("$.onCall[*].personId")).containsExactly(bo);
    }

    @Test
    void aRotationsOverridesAreListedAsItsPageListsThem() {
        String ana = person("Ana", null);
        String bo = person("Bo", null);
        String team = team(List.of(), List.of(ana, bo));
        String rotation = admin().post("/api/v1/teams/" + team + "/rotations", weekly("Primary", List.of(ana)))
            .json("$.id");
        String path = "/api/v1/teams/" + team + "/rotations/" + rotation + "/overrides";
        assertThat((List<?>) admin().get(path).json("$")).isEmpty();
        String overrideId = admin().post(path,
            Map.of("personId", bo, "startsAt", "2026-01-13T00:00:00Z", "endsAt", "2026-01-14T00:00:00Z")).json("$.id");

        var listed = TestApi.at(port).anonymous().get(path);
        assertThat(listed.status()).isEqualTo(401);
        var read = admin().get(path);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat((List<String>) read.json("$[*].id")).containsExactly(overrideId);
        assertThat((List<String>) read.json("$[*].personId")).containsExactly(bo);
        assertThat((List<String>) read.json("$[*].startsAt")).containsExactly("2026-01-13T00:00:00Z");
        assertThat(admin().get("/api/v1/teams/" + team + "/rotations/" + UUID.randomUUID() + "/overrides").status())
            .isEqualTo(404);
    }

    @Test
    void eachRotationOfATeamHasItsOwnPersonOnCallAndNowIsTheDefault() {
        String ana = person("Ana", null);
        String bo = person("Bo", null);
        String team = team(List.of(), List.of(ana, bo));
        admin().post("/api/v1/teams/" + team + "/rotations", weekly("Primary", List.of(ana)));
        admin().post("/api/v1/teams/" + team + "/rotations", Map.of("name", "Secondary", "members", List.of(bo),
            "shiftLength", "P1D", "handoffTime", "10:30", "timeZone", "UTC", "startsOn", "2026-01-01"));

        var now = admin().get("/api/v1/teams/" + team + "/oncall");

        assertThat(now.status()).isEqualTo(200);
        assertThat((String) now.json("$.at")).isNotBlank();
        assertThat((List<String>) now.json("$.onCall[*].personId")).containsExactly(ana, bo);
        assertThat((List<String>) admin().get("/api/v1/teams/" + team + "/rotations").json("$[*].name"))
            .containsExactly("Primary", "Secondary");
    }

    @Test
    void aRotationCanBeChangedAndRemoved() {
        String ana = person("Ana", null);
        String bo = person("Bo", null);
        String team = team(List.of(), List.of(ana, bo));
        String rotation = admin().post("/api/v1/teams/" + team + "/rotations", weekly("Primary", List.of(ana)))
            .json("$.id");

        var changed = admin().put("/api/v1/teams/" + team + "/rotations/" + rotation,
            Map.of("name", "Renamed", "members", List.of(bo, ana), "shiftLength", "PT12H", "handoffTime", "08:00",
                "timeZone", "UTC", "startsOn", "2026-02-01"));

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat((String) changed.json("$.shiftLength")).isEqualTo("PT12H");
        assertThat((List<String>) changed.json("$.members")).containsExactly(bo, ana);
        assertThat((List<String>) admin().get("/api/v1/teams/" + team + "/oncall?at=2026-02-01T20:00:00Z")
            .json("$.onCall[*].personId")).containsExactly(ana);
        assertThat(admin().delete("/api/v1/teams/" + team + "/rotations/" + rotation).status()).isEqualTo(204);
        assertThat(admin().get("/api/v1/teams/" + team + "/rotations/" + rotation).status()).isEqualTo(404);
    }

    @Test
    void invalidRotationsAreRejectedWithEveryFieldAndNothingIsStored() {
        String team = team(List.of(), List.of());
        var r = admin().post("/api/v1/teams/" + team + "/rotations", Map.of("name", "", "members",
            List.of(UUID.randomUUID().toString()), "shiftLength", "PT30M", "handoffTime", "9 o'clock",
            "timeZone", "Europe/Atlantis", "startsOn", "soon"));
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat((List<String>) r.json("$.errors[*].field")).containsExactlyInAnyOrder("name", "members",
            "shiftLength", "handoffTime", "timeZone", "startsOn");
        assertThat((List<?>) admin().get("/api/v1/teams/" + team + "/rotations").json("$")).isEmpty();
        assertThat(admin().get("/api/v1/teams/" + team + "/oncall?at=yesterday").status()).isEqualTo(400);
        assertThat(admin().get("/api/v1/teams/" + UUID.randomUUID() + "/rotations").status()).isEqualTo(404);
        assertThat(admin().get("/api/v1/teams/" + team + "/rotations/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void aTeamLeadManagesTheirOwnTeamsRotationsButNotOtherTeams() {
        String lead = person("Lead", "lead-password-123");
        String member = person("Member", "member-password-1");
        String mine = team(List.of(lead), List.of(member));
        String other = team(List.of(), List.of(lead));
        TestApi asLead = TestApi.at(port).basic(email(lead), "lead-password-123");
        TestApi asMember = TestApi.at(port).basic(email(member), "member-password-1");

        var created = asLead.post("/api/v1/teams/" + mine + "/rotations", weekly("Ours", List.of(member, lead)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String rotation = created.json("$.id");
        assertThat(asLead.post("/api/v1/teams/" + mine + "/rotations/" + rotation + "/overrides",
            Map.of("personId", lead, "startsAt", "2026-03-01T00:00:00Z", "endsAt", "2026-03-02T00:00:00Z"))
            .status()).isEqualTo(201);

        assertThat(asLead.post("/api/v1/teams/" + other + "/rotations", weekly("Theirs", List.of(lead))).status())
            .isEqualTo(403);
        assertThat(asMember.post("/api/v1/teams/" + mine + "/rotations", weekly("Mine", List.of(member))).status())
            .isEqualTo(403);
        assertThat(asMember.put("/api/v1/teams/" + mine + "/rotations/" + rotation, weekly("X", List.of(member)))
            .status()).isEqualTo(403);
        assertThat(asMember.delete("/api/v1/teams/" + mine + "/rotations/" + rotation).status()).isEqualTo(403);
        assertThat(asMember.get("/api/v1/teams/" + mine + "/rotations/" + rotation).status()).isEqualTo(200);
        assertThat(asMember.get("/api/v1/teams/" + mine + "/oncall").status()).isEqualTo(200);
    }

    @Test
    void anOverrideMustEndAfterItStarts() {
        String ana = person("Ana", null);
        String team = team(List.of(), List.of(ana));
        String rotation = admin().post("/api/v1/teams/" + team + "/rotations", weekly("Primary", List.of(ana)))
            .json("$.id");
        var r = admin().post("/api/v1/teams/" + team + "/rotations/" + rotation + "/overrides",
            Map.of("personId", ana, "startsAt", "2026-03-02T00:00:00Z", "endsAt", "2026-03-01T00:00:00Z"));
        assertThat(r.status()).isEqualTo(400);
        assertThat((List<String>) r.json("$.errors[*].field")).containsExactly("endsAt");
        assertThat(admin().delete("/api/v1/teams/" + team + "/rotations/" + rotation + "/overrides/"
            + UUID.randomUUID()).status()).isEqualTo(404);
    }
}
