package io.aftercare.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes RFC 9457 problem details where no controller advice runs: security filters, and handlers outside Spring
 * MVC's annotated controllers (the webhook endpoint).
 */
public final class ProblemResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemResponses() {
    }

    /** {@code type}, {@code title}, {@code status} and {@code detail}. */
    public static void write(HttpServletResponse response, int status, String title, String detail)
        throws IOException {
        write(response, status, title, detail, null);
    }

    /** @param instance the request's path, as Spring MVC gives it; {@code null} leaves it out */
    public static void write(HttpServletResponse response, int status, String title, String detail, String instance)
        throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        if (instance != null) {
            problem.put("instance", instance);
        }
        byte[] body = JSON.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
