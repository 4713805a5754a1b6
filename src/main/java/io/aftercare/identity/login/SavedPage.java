package io.aftercare.identity.login;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * The page someone opened before they were asked to sign in (a check-in from their inbox or an e-mail, their
 * inbox, My aftercare): the sign-in page names it, and signing in goes straight there. Only a path on this same
 * site is ever followed — never a host, a scheme or a protocol-relative {@code //…} — so the sign-in page cannot
 * be made to send anyone elsewhere.
 */
public final class SavedPage implements AuthenticationSuccessHandler {

    /** The parameter Spring Security adds to a saved request's address; it is of no use to the page itself. */
    private static final String CONTINUE = "continue";

    private final RequestCache cache = new HttpSessionRequestCache();

    /** Where signing in will lead, if a page was saved: a path on this site, with its query. */
    public Optional<String> target(HttpServletRequest request, HttpServletResponse response) {
        SavedRequest saved = cache.getRequest(request, response);
        return saved == null ? Optional.empty() : localPath(saved.getRedirectUrl(), request.getContextPath());
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException {
        String target = target(request, response).orElse("/");
        cache.removeRequest(request, response);
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        }
        response.sendRedirect(request.getContextPath() + target);
    }

    /** The path and query of a saved address, if it is a plain path on this site (else nothing). */
    static Optional<String> localPath(String url, String contextPath) {
        if (url == null) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String path = uri.getRawPath();
        if (path == null || !path.startsWith("/") || path.startsWith("//") || path.contains("\\")) {
            return Optional.empty();
        }
        if (!contextPath.isEmpty()) {
            if (!path.startsWith(contextPath + "/")) {
                return Optional.empty();
            }
            path = path.substring(contextPath.length());
        }
        String query = uri.getRawQuery() == null ? "" : Arrays.stream(uri.getRawQuery().split("&"))
            .filter(p -> !p.equals(CONTINUE) && !p.startsWith(CONTINUE + "="))
            .collect(Collectors.joining("&"));
        return Optional.of(query.isEmpty() ? path : path + "?" + query);
    }
}
