package io.aftercare.identity.security;

import java.io.IOException;
import java.util.Set;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import io.aftercare.shared.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A call that changes something (POST, PUT, PATCH, DELETE) must say it sends JSON (or CSV, for imports), even
 * without a body. A web page on another site can send a form or a body-less POST without asking first, but not
 * one of these types: so no other site can make a browser act on the API with credentials it remembers. Checked
 * before anyone is authenticated, so that such a call never even counts as a sign-in attempt.
 */
class ApiContentTypeFilter extends OncePerRequestFilter {

    private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !CHANGING.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
        if (accepted(request.getContentType())) {
            chain.doFilter(request, response);
            return;
        }
        ProblemResponses.write(response, 415, "Unsupported Media Type",
            "Send calls that change something with Content-Type: application/json (text/csv for imports), even "
                + "when they have no body.", request.getRequestURI());
    }

    static boolean accepted(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            String main = type.getType();
            String sub = type.getSubtype();
            return main.equals("application") && (sub.equals("json") || sub.endsWith("+json"))
                || main.equals("text") && sub.equals("csv");
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
