package io.aftercare.care.cases;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Signed answer links (/c/TOKEN) work without signing in: the token is the credential, checked by
 * {@code CareService.link(token)}. Same headers as the rest of the UI (strict CSP, no framing), CSRF on, and no
 * referrer at all, so the token never leaves in a Referer header.
 */
@Configuration(proxyBeanMethods = false)
class LinkSecurityConfig {

    /** The UI's Content-Security-Policy (identity's SecurityConfig): no inline script or style. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
        + "frame-ancestors 'none'";

    @Bean
    @Order(2)
    SecurityFilterChain careLinkChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/c/**")
            .authorizeHttpRequests(a -> a.anyRequest().permitAll())
            .requestCache(r -> r.disable())
            .headers(h -> h
                .contentSecurityPolicy(c -> c.policyDirectives(CSP))
                .frameOptions(f -> f.deny())
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }
}
