package io.aftercare.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;

import io.aftercare.support.TestApi;
import io.aftercare.support.WebSession;
import jakarta.mail.internet.MimeMessage;

/**
 * An admin can have Aftercare e-mail a person a password reset, through a real SMTP server (GreenMail): the link
 * reaches only the person's own mailbox, never the admin's screen or the API's answer; the page tells the person
 * what it does; using it ends every session of theirs and revokes their API tokens.
 */
class PasswordResetIT extends ResetMailServer {

    TestApi api;

    @BeforeEach
    void client() {
        api = TestApi.at(port);
    }

    record Person(UUID id, String email) {
    }

    private Person person(String password) {
        var p = person("reset", "Kim Reset", password);
        return new Person(p.id(), p.email());
    }

    private static boolean signedIn(WebSession browser) {
        var page = browser.get("/settings/tokens");
        return page.statusCode() == 200;
    }

    private long audited(String action, UUID personId) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = ? AND target = ?")
            .params(action, "person:" + personId).query(Long.class).single();
    }

    @Test
    void theResetLinkGoesOnlyToThePersonAndUsingItEndsTheirSessionsAndTokens() throws Exception {
        Person kim = person("kims-old-password");
        WebSession kimsBrowser = WebSession.signedIn(port, kim.email(), "kims-old-password");
        String token = api.basic(kim.email(), "kims-old-password").post("/api/v1/tokens", Map.of("name", "bot"))
            .json("$.token");

        var sent = api.asAdmin().post("/api/v1/people/" + kim.id() + "/password-reset", "{}");
        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
        assertThat(sent.body()).doesNotContain("/reset/");

        await().atMost(Duration.ofSeconds(10)).until(() -> smtp.getReceivedMessages().length == 1);
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getAllRecipients()).hasSize(1);
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(kim.email());
        assertThat(GreenMailUtil.getBody(mail)).contains("the admin did not see it");
        String path = linkIn(mail);
        assertThat(audited("PASSWORD_RESET_SENT", kim.id())).isOne();

        // until the link is used, nothing changes
        assertThat(api.basic(kim.email(), "kims-old-password").get("/api/v1/tokens").status()).isEqualTo(200);
        assertThat(signedIn(kimsBrowser)).isTrue();

        WebSession browser = WebSession.anonymous(port);
        var form = browser.get(path);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Aftercare sent this link to your e-mail only, because you or an admin asked for it")
            .contains("signs you out in every browser and revokes your API tokens");

        String tooLong = "é".repeat(40);
        var refused = browser.post(path, Map.of("password", tooLong, "confirm", tooLong));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("The password is too long");

        var done = browser.post(path, Map.of("password", "kims-new-password", "confirm", "kims-new-password"));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith("/login?passwordReset");

        assertThat(signedIn(kimsBrowser)).as("the session from before the reset").isFalse();
        assertThat(api.bearer(token).get("/api/v1/tokens").status()).isEqualTo(401);
        assertThat(api.basic(kim.email(), "kims-old-password").get("/api/v1/tokens").status()).isEqualTo(401);
        assertThat(api.basic(kim.email(), "kims-new-password").get("/api/v1/tokens").status()).isEqualTo(200);
        assertThat(audited("PASSWORD_RESET_COMPLETED", kim.id())).isOne();

        // once only
        assertThat(WebSession.anonymous(port).get(path).body()).contains("already been used or has expired")
            .doesNotContain("name=\"password\"");
    }

    @Test
    void theAdminsPageSendsTheResetWithoutShowingTheLink() {
        Person kim = person("kims-page-password");
        WebSession admin = WebSession.signedIn(port, TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD);
        var page = admin.get("/people/" + kim.id());
        assertThat(page.body()).contains("E-mail them a password reset").doesNotContain("Create invitation link");

        var posted = admin.post("/people/" + kim.id() + "/password-reset", Map.of());
        assertThat(posted.statusCode()).isEqualTo(302);
        var after = admin.follow(posted);
        assertThat(after.body()).contains("The password reset is on its way to their e-mail")
            .doesNotContain("/reset/");

        await().atMost(Duration.ofSeconds(10)).until(() -> smtp.getReceivedMessages().length == 1);
        assertThat(linkIn(smtp.getReceivedMessages()[0])).startsWith("/reset/");
    }

    @Test
    void aResetIsForAccountsWithAPasswordAndNeedsTheMailServer() {
        Person invited = person(null);
        var refused = api.asAdmin().post("/api/v1/people/" + invited.id() + "/password-reset", "{}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.<String>json("$.detail")).contains("Create an invitation link instead");

        Person kim = person("kims-other-password");
        smtp.stop();
        try {
            var away = api.asAdmin().post("/api/v1/people/" + kim.id() + "/password-reset", "{}");
            assertThat(away.status()).as(away.toString()).isEqualTo(503);
            assertThat(away.header("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        } finally {
            smtp.start();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM password_reset WHERE person_id = ?").param(kim.id())
            .query(Long.class).single()).as("nothing kept when the mail did not go").isZero();
        assertThat(audited("PASSWORD_RESET_SENT", kim.id())).isZero();
    }
}
