package io.aftercare.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestApi;
import io.aftercare.support.WebSession;

/**
 * Opening pages does not write the browser session each time: its last access moves at most once a minute
 * (docs/decisions/0051), and still moves once the stored one is older than that.
 */
@AftercareIT
class SessionWritesIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void pagesOpenedWithinAMinuteLeaveTheStoredSessionAsItWas() throws Exception {
        WebSession browser = WebSession.signedIn(port, TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD);
        assertThat(browser.getHtml("/me").statusCode()).isEqualTo(200);
        String id = new String(Base64.getDecoder().decode(browser.cookie("SESSION")), StandardCharsets.UTF_8);
        long before = lastAccess(id);

        Thread.sleep(20);
        assertThat(browser.getHtml("/me").statusCode()).isEqualTo(200);
        assertThat(browser.getHtml("/incidents").statusCode()).isEqualTo(200);

        assertThat(lastAccess(id)).isEqualTo(before);

        // two minutes later (the stored access moved back), the next page moves it to now again
        jdbc.sql("UPDATE spring_session SET last_access_time = last_access_time - 120000, "
            + "expiry_time = expiry_time - 120000 WHERE session_id = ?").param(id).update();
        assertThat(browser.getHtml("/me").statusCode()).isEqualTo(200);
        assertThat(lastAccess(id)).isGreaterThan(before - 120000 + 60000);
    }

    private long lastAccess(String sessionId) {
        return jdbc.sql("SELECT last_access_time FROM spring_session WHERE session_id = ?").param(sessionId)
            .query(Long.class).single();
    }
}
