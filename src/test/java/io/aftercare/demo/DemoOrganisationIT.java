package io.aftercare.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestApi;

/** {@code --demo} on an empty database: the demo admin can sign in and every list has something true in it. */
@AftercareIT
@ActiveProfiles({"test", "demo"})
@TestPropertySource(properties = {"aftercare.admin.email=", "aftercare.admin.password="})
class DemoOrganisationIT {

    @LocalServerPort
    int port;

    @Test
    void demoOrganisationHasTeamsPeopleRotationsAndMonthsOfIncidents() {
        TestApi admin = TestApi.at(port).basic(DemoOrganisation.ADMIN_EMAIL, DemoOrganisation.PASSWORD);
        assertThat(admin.get("/api/v1/people?size=100").<Integer>json("$.total")).isGreaterThanOrEqualTo(13);
        List<Map<String, Object>> teams = admin.get("/api/v1/teams").json("$.items");
        assertThat(teams).extracting(t -> t.get("name")).contains("Checkout", "Payments", "Platform");

        String checkout = (String) teams.stream().filter(t -> t.get("name").equals("Checkout")).findFirst()
            .orElseThrow().get("id");
        List<String> onCall = admin.get("/api/v1/teams/" + checkout + "/oncall").json("$.onCall[*].personId");
        assertThat(onCall).hasSize(1);

        var resolved = admin.get("/api/v1/incidents?status=RESOLVED&size=200");
        assertThat(resolved.<Integer>json("$.total")).isGreaterThan(15);
        assertThat(resolved.<List<Object>>json("$.items[0].responders")).isNotEmpty();
        assertThat(admin.get("/api/v1/incidents?status=TRIGGERED").<Integer>json("$.total")).isEqualTo(1);

        TestApi sam = TestApi.at(port).basic("sam" + DemoOrganisation.DOMAIN, DemoOrganisation.PASSWORD);
        assertThat(sam.get("/api/v1/tokens").status()).isEqualTo(200);
        assertThat(sam.post("/api/v1/people", Map.of("name", "x", "email", "x@example.com")).status())
            .isEqualTo(403);
    }
}
