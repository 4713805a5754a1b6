package io.aftercare.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestApi;
import io.aftercare.support.WebSession;

/**
 * When every database connection is taken and none comes free within the pool's wait, a page says "busy, try again"
 * and the API answers a problem detail: both 503 with Retry-After, never a 500. Afterwards everything answers again.
 */
@AftercareIT
@TestPropertySource(properties = {"spring.datasource.hikari.maximum-pool-size=4",
    "spring.datasource.hikari.minimum-idle=4", "spring.datasource.hikari.connection-timeout=400"})
class BusyIT {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Test
    void aPageSaysBusyAndTheApiAnswersAProblemDetailWhileThePoolIsDry() throws Exception {
        WebSession browser = WebSession.signedIn(port, TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD);
        assertThat(browser.getHtml("/me").statusCode()).isEqualTo(200);

        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                held.add(dataSource.getConnection());
            }

            var page = browser.getHtml("/me");
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("text/html"));
            assertThat(page.body()).contains("Aftercare is busy right now")
                .contains("please try again in a few seconds").contains("href=\"/me\"")
                .doesNotContain("Something went wrong");

            var api = TestApi.at(port).asAdmin().get("/api/v1/incidents");
            assertThat(api.status()).isEqualTo(503);
            assertThat(api.header("Retry-After")).hasValue("5");
            assertThat(api.header("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
            assertThat(api.<Integer>json("$.status")).isEqualTo(503);
            assertThat(api.<String>json("$.title")).isEqualTo("Busy");
            assertThat(api.<String>json("$.detail")).contains("try again");
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }

        assertThat(browser.getHtml("/me").statusCode()).isEqualTo(200);
        assertThat(TestApi.at(port).asAdmin().get("/api/v1/incidents").status()).isEqualTo(200);
    }
}
