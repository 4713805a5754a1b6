package io.aftercare.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestApi;
import io.aftercare.support.WebSession;

/**
 * When every database connection is taken and none comes free within the pool's wait, a page says "busy, try again"
 * and the API answers a problem detail: both 503 with Retry-After, never a 500. Afterwards everything answers again.
 * Many people at once on a small pool all get their pages: requests take turns (RequestQueue) instead of fighting over
 * connections; one that gets no turn in time is told "busy" too.
 */
@AftercareIT
@TestPropertySource(properties = {"spring.datasource.hikari.maximum-pool-size=4",
    "spring.datasource.hikari.minimum-idle=4", "spring.datasource.hikari.connection-timeout=2000",
    "aftercare.web.queue-wait=6s",
    // a pool this small leaves no room for PostgreSQL's four delivery appliers beside two pages at a time
    "aftercare.intake.applier-threads=1"})
@Import(BusyIT.Held.class)
class BusyIT {

    /** A request that keeps its turn until the test lets it go: to fill the queue's turns on purpose. */
    @TestConfiguration
    @RestController
    static class Held {
        static volatile CountDownLatch entered = new CountDownLatch(0);
        static volatile CountDownLatch release = new CountDownLatch(0);

        @GetMapping("/test/held")
        String held() throws InterruptedException {
            entered.countDown();
            release.await(20, TimeUnit.SECONDS);
            return "released";
        }
    }

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

    @Test
    void twentyPeopleAtOnceOnAPoolOfFourAllGetTheirPage() throws Exception {
        WebSession browser = WebSession.signedIn(port, TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD);
        assertThat(browser.getHtml("/me").statusCode()).isEqualTo(200);
        int people = 20;
        ExecutorService pool = Executors.newFixedThreadPool(people);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> pages = new ArrayList<>();
            for (int i = 0; i < people; i++) {
                String path = i % 2 == 0 ? "/me" : "/incidents";
                pages.add(pool.submit(() -> {
                    start.await();
                    return browser.getHtml(path);
                }));
            }
            start.countDown();
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (Future<HttpResponse<String>> page : pages) {
                HttpResponse<String> r = page.get(60, TimeUnit.SECONDS);
                statuses.merge(r.statusCode(), 1, Integer::sum);
                if (r.statusCode() == 200) {
                    assertThat(r.body()).contains("Sign out");
                }
            }
            assertThat(statuses).as("statuses of %s pages asked for at once", people).isEqualTo(Map.of(200, people));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRequestThatGetsNoTurnInTimeIsToldBusy() throws Exception {
        WebSession browser = WebSession.signedIn(port, TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD);
        // a pool of 4 gives two turns: both are taken by requests that wait for the test
        Held.entered = new CountDownLatch(2);
        Held.release = new CountDownLatch(1);
        ExecutorService holders = Executors.newFixedThreadPool(2);
        try {
            List<Future<HttpResponse<String>>> held = List.of(holders.submit(() -> browser.get("/test/held")),
                holders.submit(() -> browser.get("/test/held")));
            assertThat(Held.entered.await(20, TimeUnit.SECONDS)).isTrue();

            long begun = System.nanoTime();
            var page = browser.getHtml("/me");
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat((System.nanoTime() - begun) / 1_000_000).as("waited for a turn, ms").isGreaterThanOrEqualTo(5900);
            assertThat(page.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(page.body()).contains("Aftercare is busy right now").doesNotContain("Something went wrong");

            // the actuator never waits in the queue: probes answer while every turn is taken
            assertThat(browser.get("/actuator/health/liveness").statusCode()).isEqualTo(200);

            Held.release.countDown();
            for (Future<HttpResponse<String>> h : held) {
                assertThat(h.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            }
        } finally {
            Held.release.countDown();
            holders.shutdownNow();
        }
        assertThat(browser.getHtml("/me").statusCode()).isEqualTo(200);
    }
}
