package io.aftercare.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The outermost filter: a request that failed because the database cannot be reached is answered 503 with a
 * Retry-After here (Aftercare is busy for a moment: a page for browsers, a problem detail for everyone else)
 * instead of a 500. It has to be outside everything else: the session lives in the database, so the failure often
 * comes from the session filter itself, and the error page would only fail again the same way.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseAwayFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseAwayFilter.class);

    private final MessageSource messages;

    DatabaseAwayFilter(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!DatabaseAway.causedBy(e) || response.isCommitted()) {
                throw e;
            }
            LOG.warn("The database cannot be reached ({}); answered 503", e.getClass().getSimpleName());
            response.reset();
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseAway.RETRY_AFTER);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            String accept = request.getHeader(HttpHeaders.ACCEPT);
            if (accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)) {
                response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
                response.getWriter().write(page(request.getLocale(), request.getContextPath()));
            } else {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
                    + "\"detail\":\"" + DatabaseAway.DETAIL + "\"}");
            }
        }
    }

    private String page(Locale locale, String context) {
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>%s</title><link rel="stylesheet" href="%s/css/aftercare.css"></head>
            <body><main><section class="narrow"><h1>%s</h1><p>%s</p><p><a href="">%s</a></p></section></main></body></html>
            """.formatted(text("error.503.title", locale), HtmlUtils.htmlEscape(context),
            text("error.503.heading", locale), text("error.503.body", locale), text("error.503.again", locale));
    }

    private String text(String key, Locale locale) {
        return HtmlUtils.htmlEscape(messages.getMessage(key, null, locale));
    }
}
