package io.aftercare.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestApi;
import io.aftercare.support.WebSession;

/**
 * The navigation shows each person the sections their roles open, and their own sign-in name beside "Sign out"; on
 * an error page too; and nothing of it to someone not signed in. (The layout works this out once a page from the
 * viewer's roles: decision 0059.)
 */
@AftercareIT
class NavigationIT {

    private static final String PASSWORD = "a-long-enough-password";

    @LocalServerPort
    int port;

    private String person(List<String> roles) {
        String email = "nav-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Map<String, Object> body = new HashMap<>(Map.of("name", "Nav " + email, "email", email, "password", PASSWORD,
            "roles", roles));
        var r = TestApi.at(port).asAdmin().post("/api/v1/people", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return email;
    }

    private static List<String> links(String html) {
        return List.of("href=\"/people\"", "href=\"/integrations\"", "href=\"/admin/webhooks\"", "href=\"/admin/audit\"",
            "href=\"/programme\"").stream().filter(html::contains).toList();
    }

    @Test
    void eachRoleSeesItsOwnSectionsAndItsName() {
        String responder = person(List.of("RESPONDER"));
        String coordinator = person(List.of("RESPONDER", "COORDINATOR"));

        String admin = WebSession.signedIn(port, TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD).getHtml("/me").body();
        assertThat(links(admin)).containsExactly("href=\"/people\"", "href=\"/integrations\"",
            "href=\"/admin/webhooks\"", "href=\"/admin/audit\"", "href=\"/programme\"");
        assertThat(admin).contains(">" + TestApi.ADMIN_EMAIL + "<").contains("Sign out").contains("href=\"/me\"");

        String asCoordinator = WebSession.signedIn(port, coordinator, PASSWORD).getHtml("/me").body();
        assertThat(links(asCoordinator)).containsExactly("href=\"/programme\"");
        assertThat(asCoordinator).contains(">" + coordinator + "<").doesNotContain(TestApi.ADMIN_EMAIL);

        WebSession asResponder = WebSession.signedIn(port, responder, PASSWORD);
        String me = asResponder.getHtml("/me").body();
        assertThat(links(me)).isEmpty();
        assertThat(me).contains(">" + responder + "<").contains("href=\"/incidents\"").contains("href=\"/teams\"");

        // an error page keeps the signed-in person's navigation
        var missing = asResponder.getHtml("/incidents/" + UUID.randomUUID());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains(">" + responder + "<").contains("href=\"/incidents\"");
        assertThat(links(missing.body())).isEmpty();

        // the teams page's empty text and its button follow the role too
        String teams = asResponder.getHtml("/teams").body();
        assertThat(teams).doesNotContain("href=\"/teams/new\"");
    }

    @Test
    void someoneNotSignedInSeesNoNavigation() {
        String login = WebSession.anonymous(port).getHtml("/login").body();
        assertThat(login).doesNotContain("Sign out").doesNotContain("href=\"/incidents\"")
            .doesNotContain("href=\"/me\"");
    }
}
