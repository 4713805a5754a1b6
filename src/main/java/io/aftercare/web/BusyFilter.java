package io.aftercare.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import io.aftercare.shared.DatabaseBusy;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Outside every other filter that may need the database (the session store, sign-in by token, the pages
 * themselves): when a request could not get a database connection in time, it answers 503 with {@code Retry-After}
 * instead of the 500 the failure would otherwise become. A browser gets the calm busy page (error/busy), anything
 * else a problem detail. API controllers answer the same through {@link ApiExceptionHandler}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class BusyFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(BusyFilter.class);

    private final ITemplateEngine templates;

    BusyFilter(ITemplateEngine templates) {
        this.templates = templates;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException | IOException e) {
            if (!DatabaseBusy.is(e) || response.isCommitted()) {
                throw e;
            }
            LOG.warn("No database connection in time for {} {}: answered 503", request.getMethod(),
                request.getRequestURI());
            answerBusy(request, response);
        }
    }

    private void answerBusy(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.resetBuffer();
        if (wantsPage(request)) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseBusy.RETRY_AFTER_SECONDS));
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Context context = new Context(request.getLocale(),
                Map.of("contextPath", request.getContextPath(),
                    "again", again(request)));
            templates.process("error/busy", context, response.getWriter());
        } else {
            DatabaseBusy.writeProblem(response, request.getRequestURI());
        }
        response.flushBuffer();
    }

    /** The page to try again: the same address, for a GET on this server (else none). */
    private static String again(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return "GET".equals(request.getMethod()) && uri.startsWith("/") && !uri.startsWith("//") ? uri : "";
    }

    /** A browser asking for a page (not the API, not a script asking for JSON). */
    private static boolean wantsPage(HttpServletRequest request) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return false;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
    }
}
