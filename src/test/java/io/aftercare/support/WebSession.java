package io.aftercare.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A signed-in browser for page tests: keeps the session cookie and sends the CSRF token with every form. */
public final class WebSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private String csrf;

    private WebSession(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Not signed in: for signed links, the first-run screen and public pages. It keeps cookies and sends CSRF tokens. */
    public static WebSession anonymous(int port) {
        return new WebSession(port);
    }

    public static WebSession signedIn(int port, String email, String password) {
        WebSession browser = new WebSession(port);
        browser.get("/login");
        var r = browser.post("/login", Map.of("email", email, "password", password));
        if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("sign-in failed: " + r.statusCode() + " " + r.headers().map());
        }
        return browser;
    }

    /**
     * Signs in through the OpenID Connect provider ({@link OidcProvider}, with the claims queued there) as a browser
     * would: the answer is Aftercare's last redirect (to the page to open, or to the refusal page).
     */
    public static HttpResponse<String> singleSignOn(WebSession browser) {
        return OidcProvider.signIn(browser.client, browser.port());
    }

    private int port() {
        return URI.create(base).getPort();
    }

    /** The value of a cookie this browser holds for Aftercare, or {@code null}. */
    public String cookie(String name) {
        return ((CookieManager) client.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
            .filter(c -> c.getName().equals(name)).map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    public HttpResponse<String> get(String path) {
        var response = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        Matcher m = CSRF.matcher(response.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return response;
    }

    /** A GET as a browser's address bar sends it, asking for HTML (error pages differ from the JSON answer). */
    public HttpResponse<String> getHtml(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
            .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET());
    }

    /** Does what a browser does after a POST: GET the redirect's target (where flash messages are shown). */
    public HttpResponse<String> follow(HttpResponse<String> redirect) {
        String location = redirect.headers().firstValue("Location")
            .orElseThrow(() -> new IllegalStateException("not a redirect: " + redirect.statusCode()));
        return get(URI.create(location).getRawPath() + (URI.create(location).getRawQuery() == null ? ""
            : "?" + URI.create(location).getRawQuery()));
    }

    public HttpResponse<String> post(String path, Map<String, ?> form) {
        StringBuilder body = new StringBuilder("_csrf=" + URLEncoder.encode(csrf == null ? "" : csrf,
            StandardCharsets.UTF_8));
        form.forEach((k, v) -> {
            for (Object value : v instanceof List<?> list ? list : List.of(v)) {
                body.append('&').append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
            }
        });
        return send(HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    public HttpResponse<String> upload(String path, String fileName, String content) {
        String boundary = "----aftercare" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n"
            + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
            + "\"\r\nContent-Type: text/csv\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        return send(HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
