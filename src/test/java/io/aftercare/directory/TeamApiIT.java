package io.aftercare.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestApi;

@AftercareIT
class TeamApiIT {

    @LocalServerPort
    int port;

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    TestApi admin() {
        return TestApi.at(port).asAdmin();
    }

    String person(String password) {
        String email = unique("member") + "@example.com";
        var body = password == null ? Map.of("name", "Member " + email, "email", email)
            : Map.of("name", "Member " + email, "email", email, "password", password);
        var r = admin().post("/api/v1/people", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json("$.id");
    }

    String emailOf(String id) {
        return admin().get("/api/v1/people/" + id).json("$.email");
    }

    @Test
    void anAdminCreatesReadsChangesAndRemovesATeam() {
        String lead = person(null);
        String member = person(null);
        String name = unique("Checkout");

        var created = admin().post("/api/v1/teams", Map.of("name", name, "leads", List.of(lead),
            "members", List.of(member)));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json("$.id");
        assertThat(created.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/api/v1/teams/" + id));
        var read = admin().get("/api/v1/teams/" + id);
        assertThat((String) read.json("$.name")).isEqualTo(name);
        assertThat((List<String>) read.json("$.leads")).containsExactly(lead);
        assertThat((List<String>) read.json("$.members")).containsExactlyInAnyOrder(lead, member);
        assertThat((List<String>) admin().get("/api/v1/people/" + member).json("$.teams")).containsExactly(id);

        var changed = admin().put("/api/v1/teams/" + id, Map.of("name", name + " renamed", "leads", List.of(member),
            "members", List.of()));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat((List<String>) changed.json("$.leads")).containsExactly(member);
        assertThat((List<String>) changed.json("$.members")).containsExactly(member);

        var list = admin().get("/api/v1/teams?size=500");
        assertThat((List<String>) list.json("$.items[*].id")).contains(id);

        assertThat(admin().delete("/api/v1/teams/" + id).status()).isEqualTo(204);
        assertThat(admin().get("/api/v1/teams/" + id).status()).isEqualTo(404);
        assertThat(admin().get("/api/v1/people/" + member).status()).isEqualTo(200);
    }

    @Test
    void teamNamesAreUniqueIgnoringCase() {
        String name = unique("Platform");
        assertThat(admin().post("/api/v1/teams", Map.of("name", name)).status()).isEqualTo(201);
        var again = admin().post("/api/v1/teams", Map.of("name", "  " + name.toUpperCase() + " "));
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
    }

    @Test
    void invalidTeamsAreRejectedNamingEachFieldAndUnknownIdsAreNotFound() {
        var r = admin().post("/api/v1/teams", Map.of("name", " ", "members", List.of(UUID.randomUUID().toString())));
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat((List<String>) r.json("$.errors[*].field")).containsExactlyInAnyOrder("name", "members");
        UUID nobody = UUID.randomUUID();
        assertThat(admin().get("/api/v1/teams/" + nobody).status()).isEqualTo(404);
        assertThat(admin().put("/api/v1/teams/" + nobody, Map.of("name", unique("x"))).status()).isEqualTo(404);
        assertThat(admin().delete("/api/v1/teams/" + nobody).status()).isEqualTo(404);
    }

    @Test
    void onlyAdminsChangeTeamsButEveryoneSignedInReadsThem() {
        String me = person("team-reader-password");
        TestApi reader = TestApi.at(port).basic(emailOf(me), "team-reader-password");
        String id = admin().post("/api/v1/teams", Map.of("name", unique("Data"), "leads", List.of(me)))
            .json("$.id");

        assertThat(reader.get("/api/v1/teams").status()).isEqualTo(200);
        assertThat(reader.get("/api/v1/teams/" + id).status()).isEqualTo(200);
        assertThat(reader.post("/api/v1/teams", Map.of("name", unique("Mine"))).status()).isEqualTo(403);
        assertThat(reader.put("/api/v1/teams/" + id, Map.of("name", "Taken over")).status()).isEqualTo(403);
        assertThat(reader.delete("/api/v1/teams/" + id).status()).isEqualTo(403);
        assertThat(TestApi.at(port).anonymous().get("/api/v1/teams").status()).isEqualTo(401);
    }

    @Test
    void theOpenApiDocumentDescribesEveryDirectoryRoute() {
        var docs = TestApi.at(port).anonymous().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        Map<String, Object> paths = docs.json("$.paths");
        assertThat(paths).containsKeys("/api/v1/people", "/api/v1/people/{id}", "/api/v1/people/{id}/roles",
            "/api/v1/people/{id}/invitation", "/api/v1/people/import", "/api/v1/teams", "/api/v1/teams/{id}",
            "/api/v1/teams/{teamId}/rotations", "/api/v1/teams/{teamId}/rotations/{rotationId}",
            "/api/v1/teams/{teamId}/rotations/{rotationId}/overrides",
            "/api/v1/teams/{teamId}/rotations/{rotationId}/overrides/{overrideId}", "/api/v1/teams/{teamId}/oncall");
    }
}
