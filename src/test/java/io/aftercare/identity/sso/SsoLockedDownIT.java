package io.aftercare.identity.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import io.aftercare.directory.NewPerson;
import io.aftercare.directory.People;
import io.aftercare.identity.Accounts;
import io.aftercare.identity.Role;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.OidcProvider;
import io.aftercare.support.TestApi;
import io.aftercare.support.WebSession;

/**
 * Single sign-on as a company locks it down: nobody is added at sign-in, Aftercare passwords are off except for the
 * break-glass admin, and one provider group is explicitly allowed to make admins.
 */
@AftercareIT
@TestPropertySource(properties = {
    "aftercare.sso.provisioning=false",
    "aftercare.sso.local-passwords=false",
    "aftercare.sso.break-glass-admin=" + TestApi.ADMIN_EMAIL,
    "aftercare.sso.roles.ADMIN=aftercare-admins"})
class SsoLockedDownIT {

    static final String PASSWORD = "a calm and long password";
    static final OidcProvider PROVIDER = new OidcProvider();

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        PROVIDER.register(registry);
    }

    @AfterAll
    static void stop() {
        PROVIDER.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    People people;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    private static String email(String who) {
        return who + "-" + UUID.randomUUID() + "@example.com";
    }

    @Test
    void someoneNotInAftercareIsNotAddedAndIsToldWhy() {
        String email = email("stranger");
        PROVIDER.nextSignIn("sub-" + UUID.randomUUID(), email, true, "Sam Stranger", List.of("aftercare-admins"));
        WebSession browser = WebSession.anonymous(port);

        var answer = WebSession.singleSignOn(browser);

        assertThat(OidcProvider.location(answer)).endsWith("/login/refused?reason=unknown");
        assertThat(browser.get("/login/refused?reason=unknown").body())
            .contains("There is no Aftercare account for your e-mail address yet");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM person WHERE LOWER(email) = LOWER(?)").param(email)
            .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = ? AND detail LIKE ?")
            .params(SsoSignIn.REFUSED, "%" + email.toLowerCase(java.util.Locale.ROOT) + "%")
            .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theSignInPageHasOnlyTheProviderAndTheBreakGlassPageHasThePassword() {
        String login = WebSession.anonymous(port).get("/login").body();
        assertThat(login).contains("Sign in with Company sign-in").doesNotContain("name=\"password\"")
            .doesNotContain("Forgot your password?");
        String breakGlass = WebSession.anonymous(port).get("/login/break-glass").body();
        assertThat(breakGlass).contains("name=\"password\"").contains("break-glass admin only")
            .doesNotContain("Sign in with Company sign-in");
    }

    @Test
    void aPasswordNoLongerSignsAnyoneElseIn() {
        String email = email("password");
        people.create(NewPerson.of("Pat Password", email, "UTC", Set.of(Role.ADMIN), PASSWORD), null);

        WebSession browser = WebSession.anonymous(port);
        browser.get("/login/break-glass");
        var form = browser.post("/login", Map.of("email", email, "password", PASSWORD));
        assertThat(OidcProvider.location(form)).endsWith("/login/break-glass?error");
        assertThat(browser.get("/me").statusCode()).isEqualTo(302);
        assertThat(TestApi.at(port).basic(email, PASSWORD).get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void theBreakGlassAdminStillSignsInWithTheirPassword() {
        WebSession admin = WebSession.anonymous(port);
        admin.get("/login/break-glass");
        var form = admin.post("/login", Map.of("email", TestApi.ADMIN_EMAIL, "password", TestApi.ADMIN_PASSWORD));
        assertThat(OidcProvider.location(form)).doesNotContain("error");
        assertThat(admin.get("/admin/sso").body()).contains("Off: only the break-glass admin " + TestApi.ADMIN_EMAIL);
        assertThat(TestApi.at(port).asAdmin().get("/api/v1/admin/sso").status()).isEqualTo(200);
    }

    @Test
    void anAdminGroupMakesAnAdminOnlyBecauseTheMappingSaysSoAndTheAuditLogSaysWhy() {
        String email = email("ops");
        UUID ops = people.create(NewPerson.of("Oli Ops", email, "UTC", Set.of(), null), null).id();
        String subject = "sub-" + UUID.randomUUID();
        PROVIDER.nextSignIn(subject, email, true, "Oli Ops", List.of("aftercare-admins"));

        WebSession.singleSignOn(WebSession.anonymous(port));

        assertThat(accounts.rolesOf(ops)).containsExactlyInAnyOrder(Role.RESPONDER, Role.ADMIN);
        assertThat(jdbc.sql("SELECT detail FROM audit_log WHERE action = 'ROLES_CHANGED' AND subject_person_id = ?")
            .param(ops).query(String.class).single())
            .contains("ADMIN granted by the provider because aftercare.sso.roles.ADMIN is set");

        PROVIDER.nextSignIn(subject, email, true, "Oli Ops", List.of());
        WebSession.singleSignOn(WebSession.anonymous(port));
        assertThat(accounts.rolesOf(ops)).containsExactly(Role.RESPONDER);
    }

    @Test
    void theBreakGlassAdminKeepsAdminWhenTheProviderSignsThemInWithoutTheGroup() {
        PROVIDER.nextSignIn("sub-admin", TestApi.ADMIN_EMAIL, true, "The Admin", List.of());

        var answer = WebSession.singleSignOn(WebSession.anonymous(port));

        assertThat(OidcProvider.location(answer)).endsWith("/");
        UUID admin = jdbc.sql("SELECT person_id FROM account WHERE login = ?").param(TestApi.ADMIN_EMAIL)
            .query(UUID.class).single();
        assertThat(accounts.rolesOf(admin)).contains(Role.ADMIN);
    }

    private String resetLink(UUID personId) {
        String token = "reset-" + UUID.randomUUID();
        jdbc.sql("INSERT INTO password_reset (token_hash, person_id, created_at, expires_at) VALUES (?, ?, ?, ?)")
            .params(io.aftercare.identity.account.Secrets.sha256(token), personId,
                java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC),
                java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).plusHours(2))
            .update();
        return "/reset/" + token;
    }

    private String passwordHash(UUID personId) {
        return jdbc.sql("SELECT password_hash FROM account WHERE person_id = ?").param(personId)
            .query(String.class).optional().orElse(null);
    }

    @Test
    void invitationAndResetLinksPointToTheCompanySignInAndSetNoPassword() {
        // an invitation: the page names the company sign-in and links to it, with no password form, and a password
        // posted to it anyway is not set
        UUID ivy = people.create(NewPerson.of("Ivy Invited", email("invited"), "UTC", Set.of(), null), null).id();
        String invitation = java.net.URI.create(TestApi.at(port).asAdmin()
            .post("/api/v1/people/" + ivy + "/invitation", "{}").json("$.link")).getPath();
        WebSession browser = WebSession.anonymous(port);
        var page = browser.get(invitation);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("You sign in to Aftercare through your company", "Sign in with Company sign-in",
            "/oauth2/authorization/").doesNotContain("name=\"password\"", "Choose your password");
        browser.get("/login/break-glass"); // a page with a form, for the session's CSRF token
        var posted = browser.post(invitation, Map.of("password", PASSWORD, "confirm", PASSWORD));
        assertThat(posted.statusCode()).isEqualTo(200);
        assertThat(posted.body()).contains("Sign in with Company sign-in").doesNotContain("name=\"password\"");
        assertThat(passwordHash(ivy)).isNull();

        // a reset link: the same, and the old password stays as it was
        String email = email("reset");
        UUID rex = people.create(NewPerson.of("Rex Reset", email, "UTC", Set.of(), PASSWORD), null).id();
        String hashBefore = passwordHash(rex);
        String reset = resetLink(rex);
        assertThat(browser.get(reset).body()).contains("Sign in with Company sign-in")
            .doesNotContain("name=\"password\"", "Choose a new password");
        browser.get("/login/break-glass");
        assertThat(browser.post(reset, Map.of("password", "another long password", "confirm",
            "another long password")).body()).contains("Sign in with Company sign-in");
        assertThat(passwordHash(rex)).isEqualTo(hashBefore);

        // "Forgot your password?": the company sign-in, no form, and nothing sent to anyone whatever is typed
        var forgot = browser.get("/reset");
        assertThat(forgot.body()).contains("Sign in with Company sign-in").doesNotContain("name=\"email\"");
        browser.get("/login/break-glass");
        var asked = browser.post("/reset", Map.of("email", email));
        assertThat(OidcProvider.location(asked)).endsWith("/reset?sent");
        assertThat(browser.get("/reset?sent").body()).contains("Sign in with Company sign-in")
            .doesNotContain("a link to choose a new password is on its way");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM password_reset WHERE person_id = ?").param(rex)
            .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theBreakGlassAdminsResetLinkStillSetsTheirPassword() {
        UUID admin = jdbc.sql("SELECT person_id FROM account WHERE login = ?").param(TestApi.ADMIN_EMAIL)
            .query(UUID.class).single();
        String hashBefore = passwordHash(admin);
        String reset = resetLink(admin);
        WebSession browser = WebSession.anonymous(port);
        assertThat(browser.get(reset).body()).contains("name=\"password\"")
            .doesNotContain("Sign in with Company sign-in");
        // a mismatch sets nothing, so the shared admin's password used by other tests stays as it is
        var mismatch = browser.post(reset, Map.of("password", "one long password here", "confirm", "another one"));
        assertThat(mismatch.statusCode()).isEqualTo(200);
        assertThat(mismatch.body()).contains("name=\"password\"");
        assertThat(passwordHash(admin)).isEqualTo(hashBefore);
    }
}
