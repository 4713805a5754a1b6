package io.aftercare.web.ui;

import java.io.IOException;
import java.util.List;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Links to static files (our CSS and scripts, the web jars) go through Spring's resource chain, which turns a
 * version-free web jar path into the versioned one; every other link a page builds passes straight on.
 *
 * <p>Spring's {@link ResourceUrlEncodingFilter} asks the chain about every link, and for a link that is no file
 * (/incidents/ID, /me: almost all of them) the chain finds nothing, so its cache keeps nothing and the next page asks
 * the class path again. In the packaged jar that look-up takes one lock in the nested-jar class loader, and under
 * load every request thread waited on it. Links to static files are found, so the chain's cache answers them after
 * the first time.
 */
@Configuration(proxyBeanMethods = false)
class StaticLinksConfig {

    /** Where static files are served from (src/main/resources/static and the web jars). */
    static final List<String> STATIC_PREFIXES = List.of("/css/", "/js/", "/img/", "/webjars/", "/favicon");

    /** Replaces the one Spring Boot's Thymeleaf support registers (same dispatcher types). */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
            new FilterRegistrationBean<>(new StaticLinksEncodingFilter());
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }

    static boolean isStatic(String url, String contextPath) {
        if (url == null || !url.startsWith(contextPath)) {
            return false;
        }
        String path = url.substring(contextPath.length());
        for (String prefix : STATIC_PREFIXES) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Spring's filter, with links that are no static file passed around it to the response it wraps. */
    static final class StaticLinksEncodingFilter extends ResourceUrlEncodingFilter {

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws ServletException, IOException {
            if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse plain)) {
                super.doFilter(request, response, chain);
                return;
            }
            String contextPath = http.getContextPath();
            super.doFilter(request, response, (req, encoding) -> chain.doFilter(req,
                new StaticOnly((HttpServletResponse) encoding, plain, contextPath)));
        }
    }

    private static final class StaticOnly extends HttpServletResponseWrapper {

        private final HttpServletResponse plain;
        private final String contextPath;

        StaticOnly(HttpServletResponse encoding, HttpServletResponse plain, String contextPath) {
            super(encoding);
            this.plain = plain;
            this.contextPath = contextPath;
        }

        @Override
        public String encodeURL(String url) {
            return isStatic(url, contextPath) ? super.encodeURL(url) : plain.encodeURL(url);
        }
    }
}
