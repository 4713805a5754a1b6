package io.aftercare.identity.security;

import java.io.IOException;

import org.springframework.web.filter.OncePerRequestFilter;

import io.aftercare.identity.Accounts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Until the first account exists, every page leads to the first-run screen that creates the admin. */
class FirstRunFilter extends OncePerRequestFilter {

    static final String SETUP = "/setup";

    private final Accounts accounts;

    FirstRunFilter(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith(SETUP) || path.startsWith("/css/") || path.startsWith("/js/")
            || path.startsWith("/webjars/") || path.startsWith("/error") || path.startsWith("/actuator/")
            || path.equals("/favicon.ico") || path.startsWith("/img/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
        if (!accounts.anyExists()) {
            response.sendRedirect(request.getContextPath() + SETUP);
            return;
        }
        chain.doFilter(request, response);
    }
}
