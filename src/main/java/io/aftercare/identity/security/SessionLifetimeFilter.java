package io.aftercare.identity.security;

import java.io.IOException;
import java.time.Duration;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * A browser session ends a fixed time after it began, however busy it stays (the idle timeout ends quiet ones
 * sooner). Measured on the wall clock, as the session's own creation time is. Runs before the security context is read, so the request goes on signed out and meets the sign-in page.
 */
class SessionLifetimeFilter extends OncePerRequestFilter {

    private final Duration absolute;

    SessionLifetimeFilter(Duration absolute) {
        this.absolute = absolute;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && System.currentTimeMillis() - session.getCreationTime() > absolute.toMillis()) {
            session.invalidate();
        }
        chain.doFilter(request, response);
    }
}
