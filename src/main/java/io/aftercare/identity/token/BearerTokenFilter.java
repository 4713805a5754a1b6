package io.aftercare.identity.token;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import io.aftercare.identity.AftercareUser;
import io.aftercare.shared.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Authenticates {@code Authorization: Bearer …} with a personal API token, or — on the metrics endpoint only —
 * with the configured Prometheus scrape token. An unknown, revoked or expired token is refused with 401 at once; a
 * read-only token that tries to change something (any method but GET, HEAD, OPTIONS) with 403, and so is any
 * token that tries to make a token.
 */
public class BearerTokenFilter extends OncePerRequestFilter {

    public static final String SCRAPE_AUTHORITY = "METRICS_SCRAPE";

    /**
     * The challenge on every 401 of the API and the actuator: Bearer only. HTTP Basic is still accepted when a
     * script sends it, but never offered, so that no browser asks for a password and then keeps sending it.
     */
    public static final String CHALLENGE = "Bearer realm=\"Aftercare\"";

    static final String NO_TOKENS_FROM_TOKENS =
        "An API token cannot make tokens. Sign in with your password to make one.";

    private static final RequestMatcher MAKE_TOKEN =
        PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/v1/tokens");

    private final ApiTokens tokens;
    private final String scrapeToken;

    public BearerTokenFilter(ApiTokens tokens, String scrapeToken) {
        this.tokens = tokens;
        this.scrapeToken = scrapeToken == null ? "" : scrapeToken;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        String token = header.substring(7).trim();
        if (!scrapeToken.isEmpty() && request.getRequestURI().startsWith(request.getContextPath() + "/actuator/")
            && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
            scrapeToken.getBytes(StandardCharsets.UTF_8))) {
            var auth = UsernamePasswordAuthenticationToken.authenticated("prometheus", null,
                List.of(new SimpleGrantedAuthority(SCRAPE_AUTHORITY)));
            SecurityContextHolder.getContext().setAuthentication(auth);
            chain.doFilter(request, response);
            return;
        }
        ApiTokens.Check check = tokens.authenticate(token);
        if (check.user().isEmpty()) {
            response.setHeader("WWW-Authenticate", CHALLENGE);
            ProblemResponses.write(response, 401, "Unauthorized", check.expired()
                ? "The API token has expired. Create a new one under Settings → API tokens."
                : "The API token is unknown or was revoked.");
            return;
        }
        if (check.scope() == TokenScope.READ && !TokenScope.reads(request.getMethod())) {
            ProblemResponses.write(response, 403, "Forbidden",
                "This API token is read-only: it can read, but not change anything.");
            return;
        }
        if (MAKE_TOKEN.matches(request)) {
            // refused here, before the body is read: a token never reaches the controller that makes tokens
            ProblemResponses.write(response, 403, "Forbidden", NO_TOKENS_FROM_TOKENS);
            return;
        }
        var user = check.user();
        AftercareUser u = user.get();
        var auth = UsernamePasswordAuthenticationToken.authenticated(u, null, u.getAuthorities());
        SecurityContextHolder.getContext().setAuthentication(auth);
        chain.doFilter(request, response);
    }
}
