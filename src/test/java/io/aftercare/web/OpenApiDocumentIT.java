package io.aftercare.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestApi;

/**
 * The OpenAPI description as a script writer reads it: every operation says which 4xx answers it can give, as
 * problem details, and the document goes to {@code target/openapi.json} for the build's linter (Redocly CLI, run
 * after the integration tests, failing on any error or warning).
 */
@AftercareIT
class OpenApiDocumentIT {

    @LocalServerPort
    int port;

    @Test
    void everyOperationNamesItsClientErrorsAsProblemDetails() throws Exception {
        var docs = TestApi.at(port).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        // written first, so that the lint after the tests reads it even when an assertion below fails
        Path file = Path.of(System.getProperty("aftercare.openapi.file", "target/openapi.json"));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, docs.body(), StandardCharsets.UTF_8);
        Map<String, Map<String, Map<String, Object>>> paths = docs.json("$.paths");
        for (var path : paths.entrySet()) {
            for (var operation : path.getValue().entrySet()) {
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                @SuppressWarnings("unchecked")
                Map<String, Map<String, Object>> responses =
                    (Map<String, Map<String, Object>>) operation.getValue().get("responses");
                List<String> clientErrors = responses.keySet().stream().filter(c -> c.startsWith("4")).toList();
                assertThat(clientErrors).as("4xx answers of %s", name).isNotEmpty();
                for (String code : clientErrors.stream().filter(c -> !c.equals("406")).toList()) {
                    assertThat(responses.get(code)).as("%s %s", name, code).containsKey("content");
                    assertThat(responses.get(code).get("content").toString()).as("%s %s", name, code)
                        .contains("application/problem+json");
                }
                boolean isPublic = operation.getValue().get("security") instanceof List<?> s && s.isEmpty();
                if (!isPublic) {
                    assertThat(clientErrors).as("%s answers 401 without credentials", name).contains("401");
                }
                if (!operation.getKey().equals("get")) {
                    assertThat(clientErrors).as("%s refuses a body that is not JSON", name).contains("415");
                    assertThat(clientErrors).as("%s refuses a read-only token", name).contains("403");
                }
                if (path.getKey().contains("{")) {
                    assertThat(clientErrors).as("%s: an unknown id", name).contains("404");
                }
            }
        }
        // the password reset's conflicts, told in its description, are answers of their own
        assertThat(docs.json("$.paths['/api/v1/people/{id}/password-reset'].post.responses").toString())
            .contains("409=");
        assertThat((String) docs.json("$.info.license.url")).startsWith("https://");
    }
}
