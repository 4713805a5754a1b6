package io.aftercare.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * Every operation in the OpenAPI description names the 4xx answers it can give, each a problem detail
 * ({@code application/problem+json}), from what every API route shares: 401 without valid credentials (unless the
 * operation is public), 403 when its roles say so or, for anything but GET, for a read-only token, 400 when it
 * takes parameters or a body, 404 when its path names something, 415 when it changes something without saying JSON.
 * A status an operation's own description explains ("409 when …") becomes an answer of its own too. Answers an
 * operation documents itself are kept as written.
 */
@Configuration(proxyBeanMethods = false)
class ApiProblemResponses {

    static final String PROBLEM = "application/problem+json";
    private static final String ROLE_LIMITED = "x-aftercare-role-limited";
    private static final Pattern EXPLAINED = Pattern.compile("\\b(4\\d\\d) (when|if|for) ([^;.]+)");

    /** The roles on the handler (not merely "signed in") make 403 one of its answers; marked for the pass below. */
    @Bean
    OperationCustomizer roleLimitedOperations() {
        return (operation, handler) -> {
            PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
            if (rule == null) {
                rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
            }
            if (rule != null && rule.value().contains("hasRole") || rule != null && rule.value().contains("hasAnyRole")) {
                operation.addExtension(ROLE_LIMITED, true);
            }
            return operation;
        };
    }

    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> {
            openApi.getComponents().addSchemas("Problem", problemSchema());
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                complete(path, method, operation)));
        };
    }

    private static void complete(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        boolean changes = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        boolean isPublic = operation.getSecurity() != null && operation.getSecurity().isEmpty();
        boolean roleLimited = operation.getExtensions() != null && operation.getExtensions().remove(ROLE_LIMITED) != null;
        if (operation.getExtensions() != null && operation.getExtensions().isEmpty()) {
            operation.setExtensions(null);
        }
        Map<String, String> add = new LinkedHashMap<>();
        boolean takesInput = (operation.getParameters() != null && !operation.getParameters().isEmpty())
            || operation.getRequestBody() != null;
        if (takesInput) {
            add.put("400", operation.getRequestBody() != null
                ? "The body is not valid: `errors` names each field that is not, with why"
                : "A parameter is not valid");
        }
        if (!isPublic) {
            add.put("401", "Not signed in, or the token is unknown, revoked or expired");
        }
        if (roleLimited || changes && !isPublic) {
            add.put("403", roleLimited ? "Your roles do not allow this" + (changes ? ", or a read-only token" : "")
                : "Called with a read-only token");
        }
        if (path.contains("{")) {
            add.put("404", "Nothing with that id (or nothing of it you may see)");
        }
        if (changes) {
            add.put("415", "Sent without Content-Type: application/json");
        }
        if (operation.getDescription() != null) {
            Matcher m = EXPLAINED.matcher(operation.getDescription());
            while (m.find()) {
                add.merge(m.group(1), capitalised(m.group(2) + " " + m.group(3).strip()), (a, b) -> a);
            }
        }
        Map<String, ApiResponse> sorted = new TreeMap<>(responses);
        add.forEach((code, description) -> sorted.computeIfAbsent(code, c -> new ApiResponse().description(description)));
        ApiResponses result = new ApiResponses();
        sorted.forEach((code, response) -> {
            // 406: the caller accepts no JSON, so the answer carries no problem detail either
            if (code.startsWith("4") && !code.equals("406") && response.get$ref() == null
                && (response.getContent() == null || !response.getContent().containsKey(PROBLEM))) {
                response.setContent(new Content().addMediaType(PROBLEM,
                    new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
            }
            result.addApiResponse(code, response);
        });
        operation.setResponses(result);
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> problemSchema() {
        Schema fieldError = new ObjectSchema()
            .addProperty("field", new StringSchema().description("the field, as named in the request"))
            .addProperty("message", new StringSchema().description("what is wrong with it"));
        return new ObjectSchema().description("An RFC 9457 problem detail")
            .addProperty("type", new StringSchema().example("about:blank"))
            .addProperty("title", new StringSchema().example("Bad Request"))
            .addProperty("status", new IntegerSchema().example(400))
            .addProperty("detail", new StringSchema())
            .addProperty("instance", new StringSchema())
            .addProperty("errors", new ArraySchema().items(fieldError)
                .description("for invalid input: each field that is not valid, with why"))
            .required(List.of("title", "status"));
    }
}
