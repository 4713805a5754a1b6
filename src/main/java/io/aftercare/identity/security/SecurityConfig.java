package io.aftercare.identity.security;

import java.io.IOException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import io.aftercare.identity.AuditLog;
import io.aftercare.identity.Role;
import io.aftercare.identity.sso.SsoHandlers;
import io.aftercare.identity.sso.SsoProperties;
import io.aftercare.identity.sso.SsoSignIn;
import io.aftercare.identity.account.AccountService;
import io.aftercare.identity.login.LoginThrottle;
import io.aftercare.identity.login.LoginThrottledException;
import io.aftercare.identity.login.ThrottledAuthenticationProvider;
import io.aftercare.identity.token.ApiTokens;
import io.aftercare.identity.token.BearerTokenFilter;
import io.aftercare.shared.ProblemResponses;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Four filter chains: incoming webhooks (no session, no CSRF: each delivery authenticates itself by the
 * signature or token its controller checks over the raw body), the actuator (health for everyone, metrics for admins or the scrape token), the REST API
 * (stateless: personal API tokens or HTTP Basic, challenged with Bearer only; calls that change something must
 * send JSON or CSV; problem details on failure) and the browser UI (form login, and OpenID Connect sign-in when a
 * provider is configured (docs/sso.md), CSRF, strict Content-Security-Policy). Who may call what is declared on each controller with
 * {@code @PreAuthorize} and proven by the authorization matrix test.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfig {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
        + "frame-ancestors 'none'";

    /** Swagger UI's page styles itself inline; only its own pages get this looser policy. */
    static final String SWAGGER_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BoundedPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
    }

    @Bean
    AuthenticationManager authenticationManager(AccountService accounts, PasswordEncoder encoder,
                                                LoginThrottle throttle, SsoProperties sso) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(accounts);
        dao.setPasswordEncoder(encoder);
        // with local passwords off, only the break-glass admin's password still works (form and HTTP Basic alike)
        return new ProviderManager(new ThrottledAuthenticationProvider(dao, throttle,
            user -> sso.localPasswords() || (sso.isBreakGlass(user.login()) && user.has(Role.ADMIN))));
    }

    @Bean
    BearerTokenFilter bearerTokenFilter(ApiTokens tokens, @Value("${aftercare.metrics.token:}") String scrape) {
        return new BearerTokenFilter(tokens, scrape);
    }

    /** Keep the bearer filter out of the servlet container's own chain: it runs only inside Security's. */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<BearerTokenFilter> bearerTokenFilterRegistration(
        BearerTokenFilter filter) {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    private static void problem(HttpServletResponse response, int status, String detail) throws IOException {
        if (status == 401) {
            response.setHeader("WWW-Authenticate", BearerTokenFilter.CHALLENGE);
        }
        ProblemResponses.write(response, status, status == 401 ? "Unauthorized" : "Forbidden", detail);
    }

    /**
     * Alerting tools post to {@code /webhooks/{type}/{integrationId}} with neither a session nor a CSRF token; the
     * intake controller verifies each delivery's signature or token over the raw body itself (401 when it fails).
     */
    @Bean
    @Order(0)
    SecurityFilterChain webhookChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/webhooks/**")
            .authorizeHttpRequests(a -> a.anyRequest().permitAll())
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
            .requestCache(r -> r.disable())
            .csrf(c -> c.disable())
            .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP)));
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain actuatorChain(HttpSecurity http, BearerTokenFilter bearer, AuthenticationManager manager)
        throws Exception {
        http.securityMatcher("/actuator/**")
            .authenticationManager(manager)
            .authorizeHttpRequests(a -> a
                .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                .requestMatchers("/actuator/prometheus").access((auth, ctx) -> new AuthorizationDecision(
                    auth.get() != null && auth.get().getAuthorities().stream().anyMatch(g ->
                        g.getAuthority().equals(Role.ADMIN.authority())
                            || g.getAuthority().equals(BearerTokenFilter.SCRAPE_AUTHORITY))))
                .anyRequest().denyAll())
            .httpBasic(b -> b.authenticationEntryPoint((req, res, e) -> problem(res, 401, "Sign in to read this.")))
            .addFilterBefore(bearer, BasicAuthenticationFilter.class)
            .csrf(c -> c.disable())
            .exceptionHandling(e -> e
                .authenticationEntryPoint((req, res, ex) -> problem(res, 401, "Sign in to read this."))
                .accessDeniedHandler((req, res, ex) -> problem(res, 403, "Only admins can read metrics.")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiChain(HttpSecurity http, BearerTokenFilter bearer, AuthenticationManager manager)
        throws Exception {
        http.securityMatcher("/api/**")
            .authenticationManager(manager)
            // like the /resources page: nobody should need a password to find a crisis line
            .authorizeHttpRequests(a -> a.requestMatchers(org.springframework.http.HttpMethod.GET, "/api/v1/resources")
                .permitAll().anyRequest().authenticated())
            .httpBasic(b -> b.authenticationEntryPoint((req, res, e) -> unauthorized(res, e)))
            .addFilterBefore(new ApiContentTypeFilter(), SecurityContextHolderFilter.class)
            .addFilterBefore(bearer, BasicAuthenticationFilter.class)
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
            .requestCache(r -> r.disable())
            // stateless and never reads the session cookie, so there is nothing for CSRF to ride on
            .csrf(c -> c.disable())
            .exceptionHandling(e -> e
                .authenticationEntryPoint((req, res, ex) -> unauthorized(res, ex))
                .accessDeniedHandler((req, res, ex) -> problem(res, 403, "Your roles do not allow this.")))
            .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP)));
        return http.build();
    }

    /** 401, unless looking the caller up found no database connection in time: then 503, busy, try again. */
    private static void unauthorized(HttpServletResponse response, Exception e) throws IOException {
        if (io.aftercare.shared.DatabaseBusy.is(e)) {
            io.aftercare.shared.DatabaseBusy.writeProblem(response, null);
            return;
        }
        problem(response, 401, unauthorizedDetail(e));
    }

    private static String unauthorizedDetail(Exception e) {
        if (e instanceof LoginThrottledException t) {
            return "Too many failed sign-ins. Try again in " + Math.max(1, t.waitFor().toSeconds()) + " seconds.";
        }
        return "Authenticate with a personal API token (Authorization: Bearer …) or HTTP Basic.";
    }

    @Bean
    @Order(3)
    SecurityFilterChain webChain(HttpSecurity http, io.aftercare.identity.Accounts accounts,
                                AuthenticationManager manager,
                                @Value("${aftercare.session.absolute-timeout}") java.time.Duration absoluteTimeout,
                                SsoProperties sso, ObjectProvider<ClientRegistrationRepository> registrations,
                                SsoSignIn ssoSignIn, AuditLog audit)
        throws Exception {
        RequestMatcher swagger = PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**");
        SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
            new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());
        String csp = CSP;
        ClientRegistrationRepository providers = registrations.getIfAvailable();
        if (providers != null) {
            SsoHandlers handlers = new SsoHandlers(providers, contexts, audit);
            http.oauth2Login(o -> o.loginPage("/login")
                    .authorizedClientRepository(SsoHandlers.keepNoTokens())
                    .userInfoEndpoint(u -> u.oidcUserService(ssoSignIn))
                    .successHandler(handlers.success())
                    .failureHandler(handlers.failure()))
                .logout(l -> l.addLogoutHandler(handlers.remember()).logoutSuccessHandler(handlers.signedOut()));
            if (providers instanceof Iterable<?> all) {
                @SuppressWarnings("unchecked")
                var origins = SsoHandlers.endSessionOrigins((Iterable<ClientRegistration>) all);
                // signing out is a form whose answer leads on to the provider's end-session page
                csp = CSP.replace("form-action 'self'", "form-action 'self' " + String.join(" ", origins));
            }
        }
        String webCsp = csp;
        // the provider's sign-in first, then passwords (the same throttled manager as the API's, and no other)
        AuthenticationManager webManager = providers == null ? manager : new ProviderManager(
            java.util.List.of(new OidcAuthorizationCodeAuthenticationProvider(
                new RestClientAuthorizationCodeTokenResponseClient(), ssoSignIn)), manager);
        http.authenticationManager(webManager)
            .securityContext(c -> c.securityContextRepository(contexts))
            .authorizeHttpRequests(a -> a
                .requestMatchers("/login", "/login/break-glass", "/login/refused", "/setup", "/setup/**", "/invite/**", "/reset/**", "/resources", "/css/**", "/js/**", "/img/**",
                    "/webjars/**", "/favicon.ico", "/error", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**",
                    "/swagger-ui.html").permitAll()
                .anyRequest().authenticated())
            .formLogin(f -> f.loginPage("/login").loginProcessingUrl("/login").usernameParameter("email")
                .passwordParameter("password").failureHandler(loginFailure(sso.localPasswords()))
                // back to the page that asked for sign-in (a path on this site only), else home
                .successHandler(new io.aftercare.identity.login.SavedPage()))
            .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
            .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
            .addFilterBefore(new SessionLifetimeFilter(absoluteTimeout), SecurityContextHolderFilter.class)
            .addFilterBefore(new FirstRunFilter(accounts),
                org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter.class)
            .headers(h -> h
                .contentSecurityPolicy(c -> c.policyDirectives(webCsp))
                .frameOptions(f -> f.deny())
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .addHeaderWriter((req, res) -> {
                    if (swagger.matches(req)) {
                        res.setHeader("Content-Security-Policy", SWAGGER_CSP);
                    }
                }));
        return http.build();
    }

    private static AuthenticationFailureHandler loginFailure(boolean localPasswords) {
        return (request, response, exception) -> {
            String email = request.getParameter("email");
            request.getSession().setAttribute(io.aftercare.identity.login.LoginController.LAST_EMAIL, email == null ? "" : email);
            // with local passwords off, the only password form is the break-glass one: back to it
            String form = localPasswords ? "/login" : "/login/break-glass";
            String target = form + "?error";
            if (exception instanceof LoginThrottledException t) {
                long minutes = (t.waitFor().toSeconds() + 59) / 60;
                target = t.locked() ? form + "?locked=" + minutes
                    : form + "?wait=" + Math.max(1, t.waitFor().toSeconds());
            }
            response.sendRedirect(request.getContextPath() + target);
        };
    }
}
