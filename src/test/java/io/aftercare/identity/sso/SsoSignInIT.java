package io.aftercare.identity.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
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
 * Single sign-on against a real OpenID Connect provider on loopback, with adding people at first sign-in on and
 * two groups mapped to roles: who is let in, as whom, with which roles, and what signing out does.
 */
@AftercareIT
@TestPropertySource(properties = {
    "aftercare.sso.provisioning=true",
    "aftercare.sso.roles.LEAD=aftercare-leads",
    "aftercare.sso.roles.SUPPORTER=aftercare-supporters,aftercare-peers"})
class SsoSignInIT {

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

    private UUID personWithEmail(String email) {
        return jdbc.sql("SELECT id FROM person WHERE LOWER(email) = LOWER(?)").param(email).query(UUID.class)
            .optional().orElse(null);
    }

    private long audited(String action, UUID subject) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = ? AND subject_person_id = ?")
            .params(action, subject).query(Long.class).single();
    }

    @Test
    void theSignInPageOffersTheProviderFirstAndKeepsThePasswordForm() {
        String page = WebSession.anonymous(port).get("/login").body();
        assertThat(page).contains("Sign in with Company sign-in")
            .contains("href=\"/oauth2/authorization/company\"")
            .contains("name=\"password\"");
        assertThat(page.indexOf("Sign in with Company sign-in")).isLessThan(page.indexOf("name=\"password\""));
    }

    @Test
    void aFirstSignInAddsThePersonWithTheRolesTheirGroupsGiveInANewSession() {
        String email = email("new");
        PROVIDER.nextSignIn("sub-" + UUID.randomUUID(), email, true, "Noor Newcomer", List.of("aftercare-leads"));
        WebSession browser = WebSession.anonymous(port);

        var answer = WebSession.singleSignOn(browser);

        assertThat(OidcProvider.location(answer)).endsWith("/");
        UUID id = personWithEmail(email);
        assertThat(id).isNotNull();
        assertThat(jdbc.sql("SELECT name FROM person WHERE id = ?").param(id).query(String.class).single())
            .isEqualTo("Noor Newcomer");
        assertThat(accounts.rolesOf(id)).containsExactlyInAnyOrder(Role.RESPONDER, Role.LEAD);
        assertThat(accounts.hasPassword(id)).isFalse();
        assertThat(audited(SsoSignIn.ADDED, id)).isEqualTo(1);
        var home = browser.get("/me");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains(email);
    }

    @Test
    void theSessionIdChangesWhenTheProviderSignsSomeoneIn() {
        String email = email("fixation");
        PROVIDER.nextSignIn("sub-" + UUID.randomUUID(), email, true, "Fix Ation", List.of());
        WebSession browser = WebSession.anonymous(port);
        browser.get("/login");
        browser.get("/inbox");
        String before = browser.cookie("SESSION");
        assertThat(before).isNotNull();

        var answer = WebSession.singleSignOn(browser);

        assertThat(OidcProvider.location(answer)).endsWith("/inbox");
        assertThat(browser.cookie("SESSION")).isNotNull().isNotEqualTo(before);
    }

    @Test
    void aVerifiedEmailSignsInThePersonWhoHasIt() {
        String email = email("known");
        UUID known = people.create(NewPerson.of("Kit Known", email, "UTC", Set.of(Role.COORDINATOR), null), null)
            .id();
        PROVIDER.nextSignIn("sub-" + UUID.randomUUID(), email.toUpperCase(java.util.Locale.ROOT), true,
            "Another Name At The Provider", List.of());
        WebSession browser = WebSession.anonymous(port);

        var answer = WebSession.singleSignOn(browser);

        assertThat(OidcProvider.location(answer)).endsWith("/");
        assertThat(browser.get("/me").body()).contains(email);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM person WHERE LOWER(email) = LOWER(?)").param(email)
            .query(Long.class).single()).isEqualTo(1);
        // a role that no group maps stays as the admin set it
        assertThat(accounts.rolesOf(known)).containsExactlyInAnyOrder(Role.RESPONDER, Role.COORDINATOR);
    }

    @Test
    void aGroupTakenAwayAtTheProviderTakesItsRoleAwayAtTheNextSignIn() {
        String email = email("groups");
        String subject = "sub-" + UUID.randomUUID();
        PROVIDER.nextSignIn(subject, email, true, "Gus Groups", List.of("aftercare-leads", "aftercare-peers"));
        WebSession first = WebSession.anonymous(port);
        WebSession.singleSignOn(first);
        UUID id = personWithEmail(email);
        assertThat(accounts.rolesOf(id)).containsExactlyInAnyOrder(Role.RESPONDER, Role.LEAD, Role.SUPPORTER);

        PROVIDER.nextSignIn(subject, email, true, "Gus Groups", List.of("aftercare-peers"));
        WebSession second = WebSession.anonymous(port);
        WebSession.singleSignOn(second);

        assertThat(accounts.rolesOf(id)).containsExactlyInAnyOrder(Role.RESPONDER, Role.SUPPORTER);
        assertThat(jdbc.sql("SELECT detail FROM audit_log WHERE action = 'ROLES_CHANGED' AND subject_person_id = ?")
            .param(id).query(String.class).single())
            .contains("-> [RESPONDER, SUPPORTER]").contains("identity provider").contains("SUPPORTER from aftercare-peers");
        // the session that still had LEAD ended with the change; the new one is signed in
        assertThat(first.get("/me").statusCode()).isEqualTo(302);
        assertThat(second.get("/me").statusCode()).isEqualTo(200);
    }

    @Test
    void noGroupMakesSomeoneAnAdminUnlessTheMappingSaysSo() {
        String email = email("admin-claim");
        PROVIDER.nextSignIn("sub-" + UUID.randomUUID(), email, true, "Ada Claims", List.of("ADMIN", "admins"));

        WebSession.singleSignOn(WebSession.anonymous(port));

        assertThat(accounts.rolesOf(personWithEmail(email))).containsExactly(Role.RESPONDER);
    }

    @Test
    void anUnverifiedEmailIsRefusedOnACalmPageAndAudited() {
        String email = email("unverified");
        UUID known = people.create(NewPerson.of("Una Verified", email, "UTC", Set.of(), null), null).id();
        PROVIDER.nextSignIn("sub-" + UUID.randomUUID(), email, false, "Una Verified", List.of("aftercare-leads"));
        WebSession browser = WebSession.anonymous(port);

        var answer = WebSession.singleSignOn(browser);

        String refused = OidcProvider.location(answer);
        assertThat(refused).endsWith("/login/refused?reason=unverified");
        var page = browser.get(URI.create(refused).getRawPath() + "?" + URI.create(refused).getRawQuery());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("did not confirm that this e-mail address is yours");
        assertThat(browser.get("/me").statusCode()).isEqualTo(302);
        assertThat(accounts.rolesOf(known)).containsExactly(Role.RESPONDER);
        assertThat(audited(SsoSignIn.REFUSED, known)).isEqualTo(1);
    }

    @Test
    void anUnverifiedNewcomerIsNotAdded() {
        String email = email("unverified-new");
        PROVIDER.nextSignIn("sub-" + UUID.randomUUID(), email, false, "Nobody Yet", List.of());

        var answer = WebSession.singleSignOn(WebSession.anonymous(port));

        assertThat(OidcProvider.location(answer)).endsWith("/login/refused?reason=unverified");
        assertThat(personWithEmail(email)).isNull();
    }

    @Test
    void signingOutEndsTheSessionAndSignsOutAtTheProvider() {
        String email = email("leaving");
        PROVIDER.nextSignIn("sub-" + UUID.randomUUID(), email, true, "Lee Leaving", List.of());
        WebSession browser = WebSession.anonymous(port);
        WebSession.singleSignOn(browser);
        assertThat(browser.get("/me").statusCode()).isEqualTo(200);

        var out = browser.post("/logout", Map.of());

        String location = OidcProvider.location(out);
        assertThat(location).startsWith(PROVIDER.issuer() + "/endsession").contains("id_token_hint=")
            .contains("post_logout_redirect_uri=http://127.0.0.1:" + port + "/login?signedOut");
        assertThat(browser.get("/me").statusCode()).isEqualTo(302);
    }

    @Test
    void adminsReadTheSetupWithoutAnySecret() {
        var body = TestApi.at(port).asAdmin().get("/api/v1/admin/sso");
        assertThat(body.status()).isEqualTo(200);
        assertThat(body.<Boolean>json("$.enabled")).isTrue();
        assertThat(body.<String>json("$.providers[0].name")).isEqualTo(OidcProvider.NAME);
        assertThat(body.<Boolean>json("$.providers[0].endSession")).isTrue();
        assertThat(body.<Boolean>json("$.provisioning")).isTrue();
        assertThat(body.<Boolean>json("$.adminFromProvider")).isFalse();
        assertThat(body.body()).doesNotContain("not-a-secret");
        var page = WebSession.signedIn(port, TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD).get("/admin/sso");
        assertThat(page.body()).contains("Company sign-in").contains("aftercare-peers").doesNotContain("not-a-secret");
    }
}
