package io.aftercare.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.test.context.DynamicPropertyRegistry;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * A real OpenID Connect provider on loopback (NAV's mock-oauth2-server): discovery, authorization, token, user info,
 * JWKS and end-session endpoints. Each sign-in gets the claims {@link #nextSignIn} queued, as a company's provider
 * would give them for that person today.
 */
public final class OidcProvider implements AutoCloseable {

    public static final String ISSUER = "company";
    public static final String REGISTRATION = "company";
    public static final String CLIENT_ID = "aftercare";
    public static final String NAME = "Company sign-in";

    private final MockOAuth2Server server = new MockOAuth2Server();

    public OidcProvider() {
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    public String issuer() {
        return server.issuerUrl(ISSUER).toString();
    }

    /** Spring's standard registration properties for this provider. */
    public void register(DynamicPropertyRegistry registry) {
        String prefix = "spring.security.oauth2.client.";
        registry.add(prefix + "registration." + REGISTRATION + ".client-id", () -> CLIENT_ID);
        registry.add(prefix + "registration." + REGISTRATION + ".client-secret", () -> "not-a-secret");
        registry.add(prefix + "registration." + REGISTRATION + ".client-name", () -> NAME);
        registry.add(prefix + "registration." + REGISTRATION + ".scope", () -> "openid,profile,email");
        registry.add(prefix + "provider." + REGISTRATION + ".issuer-uri", this::issuer);
    }

    /**
     * The person the next sign-in at the provider is: their e-mail, whether the provider verified it, their name
     * and groups.
     */
    public void nextSignIn(String subject, String email, boolean verified, String name, List<String> groups) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("email", email);
        claims.put("email_verified", verified);
        claims.put("name", name);
        claims.put("groups", groups);
        server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER, subject, "JWT", List.of(CLIENT_ID), claims,
            3600));
    }

    /**
     * Signs in without a browser, as one would follow the redirects: Aftercare → provider → Aftercare. Keeps the
     * cookies in the client.
     *
     * @return the last answer from Aftercare (a redirect to the page to open, or to the refusal page)
     */
    public static HttpResponse<String> signIn(HttpClient client, int port) {
        HttpResponse<String> r = get(client, "http://127.0.0.1:" + port + "/oauth2/authorization/" + REGISTRATION);
        // Aftercare sends the browser to the provider, which sends it straight back with a code
        r = get(client, location(r));
        return get(client, location(r));
    }

    /** A client as a browser is: keeps cookies, follows no redirect on its own. */
    public static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public static String location(HttpResponse<?> r) {
        return r.headers().firstValue("Location").orElseThrow(
            () -> new IllegalStateException("expected a redirect, got " + r.statusCode() + " from " + r.uri()));
    }

    public static HttpResponse<String> get(HttpClient client, String url) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
