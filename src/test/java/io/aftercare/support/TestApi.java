package io.aftercare.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.jayway.jsonpath.JsonPath;

import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for integration tests: calls the running application as a script would, with HTTP Basic
 * or a bearer token, and reads JSON answers with JsonPath.
 */
public final class TestApi {

    public static final String ADMIN_EMAIL = "admin@aftercare.test";
    public static final String ADMIN_PASSWORD = "admin-password-for-tests";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    private final String base;
    private final String authorization;

    private TestApi(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    public static TestApi at(int port) {
        return new TestApi("http://127.0.0.1:" + port, null);
    }

    public TestApi asAdmin() {
        return basic(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    public TestApi basic(String email, String password) {
        return new TestApi(base, "Basic " + Base64.getEncoder()
            .encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    public TestApi bearer(String token) {
        return new TestApi(base, "Bearer " + token);
    }

    public TestApi anonymous() {
        return new TestApi(base, null);
    }

    public String base() {
        return base;
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    public Response get(String path) {
        return send("GET", path, null, null);
    }

    /** GET asking for plain text (metrics, CSV). */
    public Response getText(String path) {
        return send("GET", path, null, null, "text/plain");
    }

    /** DELETE, saying JSON as every call that changes something must (the API refuses it otherwise). */
    public Response delete(String path) {
        return send("DELETE", path, null, "application/json");
    }

    public Response post(String path, Object body) {
        return send("POST", path, body instanceof String s ? s : json(body), "application/json");
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body instanceof String s ? s : json(body), "application/json");
    }

    public Response send(String method, String path, String body, String contentType) {
        return send(method, path, body, contentType, "application/json");
    }

    public Response send(String method, String path, String body, String contentType, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(60))
            .header("Accept", accept)
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An HTTP answer; {@link #json(String)} reads a JsonPath from its body. */
    public record Response(int status, String body, Map<String, List<String>> headers) {

        public <T> T json(String path) {
            return JsonPath.read(body, path);
        }

        public Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).findFirst();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
