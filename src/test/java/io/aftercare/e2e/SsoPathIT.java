package io.aftercare.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.aftercare.identity.Accounts;
import io.aftercare.identity.Role;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.OidcProvider;
import io.aftercare.support.PlainNames;

/**
 * Single sign-on in Chromium against a real OpenID Connect provider on loopback: the first sign-in adds the person
 * with the role their group gives, a group taken away takes the role away at the next sign-in, signing out goes
 * through the provider back to the sign-in page, and an unverified e-mail ends on a calm page.
 */
@AftercareIT
@TestPropertySource(properties = {"aftercare.sso.provisioning=true", "aftercare.sso.roles.SUPPORTER=aftercare-supporters"})
class SsoPathIT extends BrowserTest {

    static final OidcProvider PROVIDER = new OidcProvider();

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        PROVIDER.register(registry);
    }

    @AfterAll
    static void stop() {
        PROVIDER.close();
    }

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    private void signInWithTheProvider() {
        page.navigate(url("/login"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in with Company sign-in")).click();
    }

    @Test
    void firstSignInThenAGroupTakenAwayThenSigningOut() {
        String email = PlainNames.email("Sky", "example.com");
        String subject = "sub-" + UUID.randomUUID();
        page = browser.newPage();
        page.navigate(url("/login"));
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in with Company sign-in")))
            .isVisible();
        Browser.checkAccessibility(page);
        Browser.screenshot(page, "sso-01-sign-in");
        Page phone = browser.newPage(360, 760);
        phone.navigate(url("/login"));
        Browser.screenshot(phone, "sso-02-sign-in-phone");
        phone.context().close();

        PROVIDER.nextSignIn(subject, email, true, "Sky Supporter", List.of("aftercare-supporters"));
        signInWithTheProvider();
        page.waitForURL(url("/me"));
        assertThat(page.getByText(email).first()).isVisible();
        UUID id = jdbc.sql("SELECT id FROM person WHERE email = ?").param(email).query(UUID.class).single();
        org.assertj.core.api.Assertions.assertThat(accounts.rolesOf(id))
            .containsExactlyInAnyOrder(Role.RESPONDER, Role.SUPPORTER);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).first().click();
        page.waitForURL(url("/login?signedOut"));
        assertThat(page.getByText("You have signed out.")).isVisible();

        PROVIDER.nextSignIn(subject, email, true, "Sky Supporter", List.of());
        signInWithTheProvider();
        page.waitForURL(url("/me"));
        org.assertj.core.api.Assertions.assertThat(accounts.rolesOf(id)).containsExactly(Role.RESPONDER);
    }

    @Test
    void anUnverifiedEmailEndsOnACalmPage() {
        page = browser.newPage();
        PROVIDER.nextSignIn("sub-" + UUID.randomUUID(), "unverified-" + UUID.randomUUID() + "@example.com", false,
            "Una Verified", List.of());
        signInWithTheProvider();
        page.waitForURL(url("/login/refused?reason=unverified"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("You are not signed in")))
            .isVisible();
        assertThat(page.getByText("did not confirm that this e-mail address is yours", new Page.GetByTextOptions()
            .setExact(false))).isVisible();
        Browser.checkAccessibility(page);
        Browser.screenshot(page, "sso-03-refused-unverified");
    }
}
