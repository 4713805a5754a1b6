package io.aftercare.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.servlet.resource.ResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.resource.ResourceUrlProviderExposingInterceptor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Only links to static files are asked of the resource chain; every other link passes on as it is. */
class StaticLinksTest {

    @Test
    void onlyStaticLinksAreAskedOfTheResourceChain() throws Exception {
        List<String> asked = new ArrayList<>();
        ResourceHttpRequestHandler files = new ResourceHttpRequestHandler();
        files.setResourceResolvers(List.of(new ResourceResolver() {
            @Override
            public Resource resolveResource(HttpServletRequest request, String requestPath,
                                            List<? extends Resource> locations, ResourceResolverChain chain) {
                return null;
            }

            @Override
            public String resolveUrlPath(String resourcePath, List<? extends Resource> locations,
                                         ResourceResolverChain chain) {
                asked.add(resourcePath);
                return resourcePath.startsWith("webjars/htmx.org/") ? "webjars/htmx.org/2.0.0/dist/htmx.min.js" : null;
            }
        }));
        ResourceUrlProvider chain = new ResourceUrlProvider();
        chain.setHandlerMap(Map.of("/**", files));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/me");
        List<String> links = new ArrayList<>();

        new StaticLinksConfig.StaticLinksEncodingFilter().doFilter(request, new MockHttpServletResponse(),
            (req, res) -> {
                // as Spring MVC's interceptor does for every handled request
                req.setAttribute(ResourceUrlProviderExposingInterceptor.RESOURCE_URL_PROVIDER_ATTR, chain);
                HttpServletResponse page = (HttpServletResponse) res;
                links.add(page.encodeURL("/incidents/0190c3a1-0000-7000-8000-000000000001"));
                links.add(page.encodeURL("/me?tab=history"));
                links.add(page.encodeURL("/webjars/htmx.org/dist/htmx.min.js"));
            });

        assertThat(asked).containsExactly("webjars/htmx.org/dist/htmx.min.js");
        assertThat(links).containsExactly("/incidents/0190c3a1-0000-7000-8000-000000000001", "/me?tab=history",
            "/webjars/htmx.org/2.0.0/dist/htmx.min.js");
    }

    @Test
    void staticMeansUnderTheStaticFoldersAfterTheContextPath() {
        assertThat(StaticLinksConfig.isStatic("/css/aftercare.css", "")).isTrue();
        assertThat(StaticLinksConfig.isStatic("/app/js/check-in.js", "/app")).isTrue();
        assertThat(StaticLinksConfig.isStatic("/img/favicon.svg", "")).isTrue();
        assertThat(StaticLinksConfig.isStatic("/incidents", "")).isFalse();
        assertThat(StaticLinksConfig.isStatic("/cssx", "")).isFalse();
        assertThat(StaticLinksConfig.isStatic("https://example.com/css/a.css", "")).isFalse();
    }
}
