package io.aftercare.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.aftercare.directory.NewPerson;
import io.aftercare.directory.People;
import io.aftercare.directory.PersonRef;
import io.aftercare.identity.Role;
import io.aftercare.incidents.Incidents;
import io.aftercare.incidents.NewIncident;
import io.aftercare.incidents.Severity;
import io.aftercare.shared.DomainException;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestApi;
import io.aftercare.support.WebSession;

/**
 * What business code refuses with {@link DomainException} is mapped in one place: each kind, thrown by a real route
 * of the API, answers its status with an RFC 9457 problem detail ({@code errors} for invalid input), and thrown
 * under a page, the error page with that status. Kinds no page lets through today are thrown by a route this test
 * adds, so the mapping itself is checked for every kind.
 */
@AftercareIT
class DomainErrorsIT {

    static final String PASSWORD = "a-password-of-12+";

    @LocalServerPort
    int port;

    @Autowired
    People people;

    @Autowired
    Incidents incidents;

    /** Routes that only refuse, one kind each, as an API and as a page (registered as member classes). */
    @TestConfiguration
    static class Refusals {

        static DomainException of(String kind) {
            return switch (kind) {
                case "invalid" -> DomainException.invalid("name", "is required");
                case "lines" -> DomainException.invalidLines(List.of(new DomainException.LineError(3, "No.")));
                case "not-found" -> DomainException.notFound("The thing");
                case "conflict" -> DomainException.conflict("It is already there.");
                case "not-allowed" -> DomainException.notAllowed("Not for you.", "because");
                default -> DomainException.unavailable("Try again later.");
            };
        }

        @RestController
        static class Api {
            @GetMapping("/api/v1/refusals/{kind}")
            String refuse(@PathVariable String kind) {
                throw of(kind);
            }
        }

        @Controller
        static class Page {
            @GetMapping("/refusals/{kind}")
            String refuse(@PathVariable String kind) {
                throw of(kind);
            }
        }

    }

    private TestApi admin() {
        return TestApi.at(port).asAdmin();
    }

    private static void isProblem(TestApi.Response answer, int status, String path) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).hasValueSatisfying(
            v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(answer.<Integer>json("$.status")).isEqualTo(status);
        assertThat(answer.<String>json("$.instance")).isEqualTo(path);
    }

    @Test
    void invalidInputIs400WithTheFieldsAtFault() {
        var answer = admin().post("/api/v1/teams", Map.of("name", " "));

        isProblem(answer, 400, "/api/v1/teams");
        assertThat(answer.<String>json("$.title")).isEqualTo("Invalid request");
        assertThat(answer.<List<String>>json("$.errors[*].field")).containsExactly("name");
        assertThat(answer.<String>json("$.detail")).startsWith("name: ");
    }

    @Test
    void aFileWithBadLinesIs400WithTheLinesAtFault() {
        var answer = admin().send("POST", "/api/v1/people/import", "name,email\nAna,not-an-email\n", "text/csv");

        isProblem(answer, 400, "/api/v1/people/import");
        assertThat(answer.<String>json("$.title")).isEqualTo("The file was not imported");
        assertThat(answer.<String>json("$.detail")).isEqualTo("One line has a problem, so nothing was imported.");
        assertThat(answer.<List<Integer>>json("$.errors[*].line")).containsOnly(2);
        assertThat(answer.<List<String>>json("$.errors[*].message")).isNotEmpty();
    }

    @Test
    void somethingThatIsNotThereIs404() {
        String path = "/api/v1/incidents/" + UUID.randomUUID();
        var answer = admin().get(path);

        isProblem(answer, 404, path);
        assertThat(answer.<String>json("$.title")).isEqualTo("Not Found");
        assertThat(answer.<String>json("$.detail")).isEqualTo("The incident was not found.");
        assertThat(answer.body()).doesNotContain("\"errors\"");
    }

    @Test
    void aConflictWithWhatIsStoredIs409() {
        String name = "Refusals " + UUID.randomUUID();
        assertThat(admin().post("/api/v1/teams", Map.of("name", name)).status()).isEqualTo(201);

        var answer = admin().post("/api/v1/teams", Map.of("name", name));

        isProblem(answer, 409, "/api/v1/teams");
        assertThat(answer.<String>json("$.title")).isEqualTo("Conflict");
        assertThat(answer.<String>json("$.detail")).isEqualTo("There is already a team called " + name + ".");
    }

    @Test
    void anActionThePersonMayNotTakeIs403WithItsReason() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        PersonRef robin = people.create(NewPerson.of("Robin " + unique, "robin-" + unique + "@example.test", "UTC",
            Set.of(Role.RESPONDER), PASSWORD), null);
        String id = incidents.record(new NewIncident("pagerduty", "PD-" + unique, "Disk full", Severity.SEV2, null,
            null, null, null, List.of()), null).id().toString();

        var answer = TestApi.at(port).basic(robin.email(), PASSWORD)
            .post("/api/v1/incidents/" + id + "/resolve", Map.of());

        isProblem(answer, 403, "/api/v1/incidents/" + id + "/resolve");
        assertThat(answer.<String>json("$.title")).isEqualTo("Forbidden");
        assertThat(answer.<String>json("$.detail")).startsWith("This incident comes from an integration");
        assertThat(answer.<String>json("$.reason")).isEqualTo("fromIntegration");
    }

    @Test
    void somethingAftercareDependsOnFailingIs503() {
        var answer = admin().get("/api/v1/refusals/unavailable");

        isProblem(answer, 503, "/api/v1/refusals/unavailable");
        assertThat(answer.<String>json("$.title")).isEqualTo("Service Unavailable");
        assertThat(answer.<String>json("$.detail")).isEqualTo("Try again later.");
    }

    @Test
    void everyKindFromTheApiIsAProblemDetailWithItsStatus() {
        Map<String, Integer> statuses = Map.of("invalid", 400, "lines", 400, "not-found", 404, "conflict", 409,
            "not-allowed", 403, "unavailable", 503);
        statuses.forEach((kind, status) -> isProblem(admin().get("/api/v1/refusals/" + kind), status,
            "/api/v1/refusals/" + kind));
        assertThat(admin().get("/api/v1/refusals/invalid").<List<String>>json("$.errors[*].message"))
            .containsExactly("is required");
        assertThat(admin().get("/api/v1/refusals/not-allowed").<String>json("$.reason")).isEqualTo("because");
    }

    @Test
    void aPageThatRefusesShowsTheErrorPageWithThatStatus() {
        WebSession browser = WebSession.signedIn(port, TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD);

        var missing = browser.getHtml("/incidents/" + UUID.randomUUID());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("We could not find that page");

        Map<String, Integer> statuses = Map.of("invalid", 400, "lines", 400, "not-found", 404, "conflict", 409,
            "not-allowed", 403, "unavailable", 503);
        statuses.forEach((kind, status) -> {
            var page = browser.getHtml("/refusals/" + kind);
            assertThat(page.statusCode()).as(kind).isEqualTo(status);
            assertThat(page.headers().firstValue("Content-Type")).as(kind)
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        });
        assertThat(browser.getHtml("/refusals/conflict").body()).contains("That did not work")
            .doesNotContain("It is already there.");
    }
}
