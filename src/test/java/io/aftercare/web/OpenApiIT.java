package io.aftercare.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestApi;

/** The OpenAPI description is the API's reference: it lists every /api route the application serves. */
@AftercareIT
class OpenApiIT {

    @LocalServerPort
    int port;

    @Test
    void describesEveryApiRouteAndHowToAuthenticate() throws Exception {
        var docs = TestApi.at(port).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        Map<String, Object> paths = docs.json("$.paths");
        for (var route : io.aftercare.security.MatrixFile.routes().keySet()) {
            if (!route.path().startsWith("/api/")) {
                continue;
            }
            assertThat(paths).as("OpenAPI lists %s", route.path()).containsKey(route.path());
            Map<String, Object> operations = docs.json("$.paths['" + route.path() + "']");
            assertThat(operations).as("OpenAPI lists %s", route).containsKey(route.method().toLowerCase());
        }
        assertThat(docs.body()).contains("basicAuth").contains("bearerAuth");
        assertThat(TestApi.at(port).get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
