package io.aftercare.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.aftercare.directory.NewPerson;
import io.aftercare.security.MatrixFile.Route;
import io.aftercare.directory.People;
import io.aftercare.identity.AftercareUser;
import io.aftercare.identity.Role;
import io.aftercare.support.AftercareIT;

/**
 * Calls every route of Aftercare as every kind of caller and checks the answer against
 * {@code authorization-matrix.txt}. A route that is not in the matrix fails the build (PRIVACY.md, rule 1).
 */
@AftercareIT
@AutoConfigureMockMvc(print = org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint.NONE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT {

    enum Caller { ANONYMOUS, RESPONDER, SUPPORTER, LEAD, COORDINATOR, ADMIN, RESPONDER_TOKEN, ADMIN_TOKEN }

    static final String PASSWORD = "matrix-password-123";

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** Handlers found by path before the annotated controllers (the webhook endpoint); they take POST only. */
    @Autowired
    List<AbstractUrlHandlerMapping> urlMappings;

    @Autowired
    People people;

    @Autowired
    JdbcClient jdbc;

    final Map<Caller, AftercareUser> users = new LinkedHashMap<>();
    final Map<Caller, String> emails = new LinkedHashMap<>();
    final Map<Caller, String> tokens = new LinkedHashMap<>();
    UUID otherTeam;
    /** What each route reads, so that every caller sends a body the route accepts (security must decide, not 415). */
    final Map<Route, MediaType> consumes = new LinkedHashMap<>();

    @BeforeAll
    void createOnePersonPerRole() throws Exception {
        create(Caller.RESPONDER, EnumSet.of(Role.RESPONDER));
        create(Caller.SUPPORTER, EnumSet.of(Role.RESPONDER, Role.SUPPORTER));
        create(Caller.LEAD, EnumSet.of(Role.RESPONDER, Role.LEAD));
        create(Caller.COORDINATOR, EnumSet.of(Role.RESPONDER, Role.COORDINATOR));
        create(Caller.ADMIN, EnumSet.of(Role.RESPONDER, Role.ADMIN));
        tokens.put(Caller.RESPONDER_TOKEN, token(Caller.RESPONDER));
        tokens.put(Caller.ADMIN_TOKEN, token(Caller.ADMIN));
        // a team the lead does not lead: "admin-or-team-lead" routes must refuse them there
        otherTeam = UUID.randomUUID();
        jdbc.sql("INSERT INTO team (id, name, name_normalized, created_at) VALUES (?, ?, ?, CURRENT_TIMESTAMP)")
            .params(otherTeam, "Matrix " + otherTeam, "matrix " + otherTeam).update();
    }

    private void create(Caller caller, Set<Role> roles) {
        String email = caller.name().toLowerCase() + "-" + UUID.randomUUID() + "@matrix.test";
        var person = people.create(NewPerson.of(caller.name(), email, "UTC", roles, PASSWORD), null);
        users.put(caller, new AftercareUser(person.id(), email, roles, false, null, true));
        emails.put(caller, email);
    }

    private String token(Caller owner) throws Exception {
        String body = mvc.perform(MockMvcRequestBuilders.post("/api/v1/tokens")
                .with(httpBasic(emails.get(owner), PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"matrix\"}"))
            .andReturn().getResponse().getContentAsString();
        return com.jayway.jsonpath.JsonPath.read(body, "$.token");
    }

    static Map<Route, String> matrix() {
        return MatrixFile.routes();
    }

    /** Every route our own controllers serve, plus the actuator endpoints we expose. */
    Set<Route> routes() {
        Set<Route> routes = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            if (!e.getValue().getBeanType().getPackageName().startsWith("io.aftercare")) {
                continue;
            }
            Set<String> patterns = e.getKey().getPatternValues();
            var methods = e.getKey().getMethodsCondition().getMethods();
            var accepts = e.getKey().getConsumesCondition().getConsumableMediaTypes();
            for (String pattern : patterns) {
                if (methods.isEmpty()) {
                    routes.add(new Route("GET", pattern));
                }
                methods.forEach(m -> {
                    routes.add(new Route(m.name(), pattern));
                    if (!accepts.isEmpty()) {
                        consumes.put(new Route(m.name(), pattern), accepts.iterator().next());
                    }
                });
            }
        }
        for (AbstractUrlHandlerMapping m : urlMappings) {
            m.getHandlerMap().forEach((pattern, handler) -> {
                if (handler.getClass().getPackageName().startsWith("io.aftercare")) {
                    routes.add(new Route("POST", pattern));
                }
            });
        }
        routes.add(new Route("GET", "/actuator/health"));
        routes.add(new Route("GET", "/actuator/prometheus"));
        return routes;
    }

    @Test
    void everyRouteIsInTheMatrixAndEveryMatrixLineIsARoute() throws IOException {
        Set<Route> routes = routes();
        Set<Route> listed = matrix().keySet();
        assertThat(new TreeSet<>(routes)).as("routes missing from authorization-matrix.txt")
            .isSubsetOf(listed);
        assertThat(new TreeSet<>(listed)).as("lines of authorization-matrix.txt that are no longer routes")
            .isSubsetOf(routes);
    }

    @Test
    void everyCallerGetsWhatTheMatrixSays() throws Exception {
        routes();
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<Route, String> entry : matrix().entrySet()) {
            Route route = entry.getKey();
            for (Caller caller : Caller.values()) {
                boolean api = route.path().startsWith("/api/") || route.path().startsWith("/actuator/");
                if (!api && (caller == Caller.RESPONDER_TOKEN || caller == Caller.ADMIN_TOKEN)) {
                    continue; // tokens are for scripts; the browser UI never accepts them
                }
                MockHttpServletResponse response = call(route, caller);
                Outcome expected = expected(entry.getValue(), caller);
                Outcome actual = outcome(response);
                boolean ok = expected == actual
                    || (expected == Outcome.DENIED_OR_MISSING && (actual == Outcome.DENIED || response.getStatus() == 404));
                if (!ok) {
                    wrong.add(route + " as " + caller + ": expected " + expected + " but got " + response.getStatus()
                        + (response.getRedirectedUrl() == null ? "" : " → " + response.getRedirectedUrl()));
                }
            }
        }
        assertThat(wrong).as("answers that differ from the authorization matrix").isEmpty();
    }

    enum Outcome { ALLOWED, DENIED, DENIED_OR_MISSING }

    private static Outcome outcome(MockHttpServletResponse response) {
        int status = response.getStatus();
        String location = response.getRedirectedUrl();
        // Spring Security sends anonymous browsers to the sign-in page; nothing else redirects to exactly /login
        boolean sentToSignIn = status == 302 && location != null
            && (location.equals("/login") || location.equals("http://localhost/login"));
        return status == 401 || status == 403 || sentToSignIn ? Outcome.DENIED : Outcome.ALLOWED;
    }

    private static Outcome expected(String access, Caller caller) {
        return switch (access) {
            case "public" -> Outcome.ALLOWED;
            case "authenticated" -> caller == Caller.ANONYMOUS ? Outcome.DENIED : Outcome.ALLOWED;
            case "people" -> caller == Caller.ANONYMOUS || caller == Caller.RESPONDER_TOKEN
                || caller == Caller.ADMIN_TOKEN ? Outcome.DENIED : Outcome.ALLOWED;
            // every id the matrix sends is someone else's (a random one)
            case "admin-or-self" -> caller == Caller.ADMIN || caller == Caller.ADMIN_TOKEN
                ? Outcome.ALLOWED : Outcome.DENIED;
            case "admin", "metrics" -> caller == Caller.ADMIN || caller == Caller.ADMIN_TOKEN
                ? Outcome.ALLOWED : Outcome.DENIED;
            case "coordinator" -> caller == Caller.COORDINATOR || caller == Caller.ADMIN
                || caller == Caller.ADMIN_TOKEN ? Outcome.ALLOWED : Outcome.DENIED;
            // a webhook authenticates each delivery by its signature or token; the matrix sends none
            case "webhook" -> Outcome.DENIED;
            case "supporter" -> caller == Caller.SUPPORTER ? Outcome.ALLOWED : Outcome.DENIED;
            case "admin-or-team-lead" -> caller == Caller.ADMIN || caller == Caller.ADMIN_TOKEN ? Outcome.ALLOWED
                : caller == Caller.LEAD ? Outcome.DENIED_OR_MISSING : Outcome.DENIED;
            // the matrix's lead does not lead the team in the path, and nobody else may see it
            case "team-lead" -> Outcome.DENIED;
            // the matrix's lead leads another team, and everyone else signed in is told there is no such team
            case "coordinator-or-team-lead" -> caller == Caller.COORDINATOR || caller == Caller.ADMIN
                || caller == Caller.ADMIN_TOKEN ? Outcome.ALLOWED
                : caller == Caller.ANONYMOUS ? Outcome.DENIED : Outcome.DENIED_OR_MISSING;
            default -> throw new IllegalArgumentException("unknown access '" + access + "' in the matrix");
        };
    }

    private MockHttpServletResponse call(Route route, Caller caller) throws Exception {
        String path = route.path()
            .replaceAll("/teams/\\{[^}]+}", "/teams/" + otherTeam)
            .replace("{token}", "no-such-token")
            .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(route.method()), path);
        boolean api = path.startsWith("/api/") || path.startsWith("/actuator/");
        if (api) {
            request.accept(MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN);
            if (route.method().equals("DELETE")) {
                // body-less, but saying JSON as every call that changes something must
                request.contentType(MediaType.APPLICATION_JSON);
            } else if (!route.method().equals("GET")) {
                MediaType type = consumes.getOrDefault(route, MediaType.APPLICATION_JSON);
                request.contentType(type).content(MediaType.APPLICATION_JSON.isCompatibleWith(type) ? "{}" : "");
            }
            switch (caller) {
                case ANONYMOUS -> { }
                case RESPONDER_TOKEN, ADMIN_TOKEN -> request.header("Authorization", "Bearer " + tokens.get(caller));
                default -> request.with(httpBasic(emails.get(caller), PASSWORD));
            }
        } else {
            request.with(csrf());
            if (caller != Caller.ANONYMOUS) {
                request.with(user(users.get(caller)));
            }
        }
        return mvc.perform(request).andReturn().getResponse();
    }
}
