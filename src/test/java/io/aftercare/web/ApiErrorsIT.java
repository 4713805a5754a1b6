package io.aftercare.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestApi;

/** A request the API has no route for is answered like every other API error: with a problem detail. */
@AftercareIT
class ApiErrorsIT {

    @LocalServerPort
    int port;

    @Test
    void anUnknownApiPathIs404ProblemDetail() {
        var answer = TestApi.at(port).asAdmin().get("/api/v1/no-such-thing");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.header("Content-Type")).hasValueSatisfying(
            v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(answer.<Integer>json("$.status")).isEqualTo(404);
        assertThat(answer.<String>json("$.title")).isEqualTo("No such route");
        assertThat(answer.<String>json("$.detail")).contains("GET /api/v1/no-such-thing").contains("/v3/api-docs");
        assertThat(answer.<String>json("$.instance")).isEqualTo("/api/v1/no-such-thing");
    }

    @Test
    void aMethodARouteDoesNotTakeIs405ProblemDetailWithAllow() {
        var answer = TestApi.at(port).asAdmin().delete("/api/v1/incidents");

        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.header("Allow")).hasValueSatisfying(v -> assertThat(v).contains("GET").contains("POST"));
        assertThat(answer.header("Content-Type")).hasValueSatisfying(
            v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(answer.<Integer>json("$.status")).isEqualTo(405);
        assertThat(answer.<String>json("$.detail"))
            .isEqualTo("/api/v1/incidents does not take DELETE; it takes GET, POST.");
    }

    @Test
    void anAnonymousCallerIsAskedToSignInFirst() {
        var answer = TestApi.at(port).anonymous().get("/api/v1/no-such-thing");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("Content-Type")).hasValueSatisfying(
            v -> assertThat(v).startsWith("application/problem+json"));
    }

    /** Outside /api nothing changes: a browser still gets the calm not-found page. */
    @Test
    void anUnknownPageIsStillTheBrowsersNotFoundPage() throws Exception {
        var page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/webjars/no-such-thing.js"))
            .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET().build(),
            HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
            v -> assertThat(v).startsWith("text/html"));
        assertThat(page.body()).contains("We could not find that page");
    }
}
