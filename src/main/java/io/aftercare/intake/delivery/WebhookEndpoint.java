package io.aftercare.intake.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.HandlerMapping;

import io.aftercare.intake.integration.Integration;
import io.aftercare.intake.integration.IntegrationType;
import io.aftercare.intake.integration.Integrations;
import io.aftercare.intake.source.PagerDutySignature;
import io.aftercare.intake.source.TokenAuth;
import io.aftercare.shared.ProblemResponses;
import io.aftercare.shared.StandardWebhooks;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code POST /webhooks/{type}/{integrationId}}: reachable without a session or CSRF token (its own security
 * filter chain), because each delivery authenticates itself: a signature or token checked over the raw body before
 * anything is parsed (PRIVACY.md, rule 7). In order: 405 for another method; 413 above 1 MiB; 401 for an unknown
 * integration or a signature or token that does not match; 415 for a body that is not JSON; 400 for JSON the
 * source's parser cannot read; 202 once an incident event is committed (it is applied from the stored row, decision
 * 0011), 200 for a test event, an unused event type or a duplicate; 503 when the database cannot take it, so that
 * the sender retries. Errors are RFC 9457 problem details.
 *
 * <p>A plain request handler, found by {@link WebhookMapping} before Spring MVC's annotated controllers are searched,
 * and writing its small answers itself: a webhook sender posts in bursts, and matching the request against every
 * controller mapping, resolving arguments and converting return values took about as long as the webhook's own work
 * (decision 0013).
 */
@Component
class WebhookEndpoint implements HttpRequestHandler {

    static final String PATH = "/webhooks/{type}/{integrationId}";
    static final int MAX_BODY = 1024 * 1024;

    private final Integrations integrations;
    private final Deliveries deliveries;
    private final java.time.Clock clock;

    WebhookEndpoint(Integrations integrations, Deliveries deliveries, java.time.Clock clock) {
        this.integrations = integrations;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @Override
    public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"POST".equals(request.getMethod())) {
            response.setHeader(HttpHeaders.ALLOW, "POST");
            problem(request, response, HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed",
                "Webhooks are delivered with POST.");
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request
            .getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        receive(variables.get("type"), variables.get("integrationId"), request, response);
    }

    private void receive(String type, String integrationId, HttpServletRequest request,
                         HttpServletResponse response) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY) {
            problem(request, response, HttpStatus.CONTENT_TOO_LARGE, "Payload too large",
                "The body is larger than 1 MiB.");
            return;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            problem(request, response, HttpStatus.CONTENT_TOO_LARGE, "Payload too large",
                "The body is larger than 1 MiB.");
            return;
        }
        Optional<IntegrationType> kind = IntegrationType.parse(type);
        UUID id = uuid(integrationId);
        String source = kind.map(IntegrationType::slug).orElse("unknown");
        try {
            Optional<Integrations.Receiver> receiver = id == null || kind.isEmpty() ? Optional.empty()
                : integrations.receiver(id).filter(r -> r.integration().type() == kind.get());
            if (receiver.isEmpty()) {
                deliveries.rejected(source, null, "no " + source + " integration with that id");
                unauthorized(request, response);
                return;
            }
            Integration i = receiver.get().integration();
            boolean verified = verified(i.type(), receiver.get().secrets(), request, body);
            if (!verified) {
                // the secrets in memory may be older than a rotation made on another instance: read them again
                verified = integrations.receiverFresh(i.id())
                    .filter(r -> verified(i.type(), r.secrets(), request, body)).isPresent();
            }
            if (!verified) {
                deliveries.rejected(source, i.id(), missingCredentials(i.type(), request)
                    ? "no signature or token was sent" : "the signature or token did not match");
                unauthorized(request, response);
                return;
            }
            var channel = new Deliveries.Channel(i.id().toString(), i.id(), i.type().slug(), null);
            if (!json(request.getContentType())) {
                deliveries.invalid(channel, body, "The content type is not application/json.");
                problem(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                    "Send the payload as application/json.");
                return;
            }
            var result = deliveries.accept(channel, body, eventId(i.type(), request), Parsers.of(i));
            if (result.status() >= 400) {
                problem(request, response, HttpStatus.valueOf(result.status()), "Invalid payload", result.detail());
                return;
            }
            // only an enum's name and a UUID: nothing to escape
            write(response, result.status(), MediaType.APPLICATION_JSON_VALUE, "{\"outcome\":\""
                + result.outcome().name() + "\",\"deliveryId\":\"" + result.deliveryId() + "\"}");
        } catch (DataIntegrityViolationException removed) {
            // the integration was removed on another instance since this one read it
            deliveries.rejected(source, null, "no " + source + " integration with that id");
            unauthorized(request, response);
        } catch (DataAccessException | TransactionException e) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "30");
            problem(request, response, HttpStatus.SERVICE_UNAVAILABLE, "Unavailable",
                "Aftercare cannot store deliveries right now. Please retry.");
        }
    }

    private boolean verified(IntegrationType type, List<String> secrets, HttpServletRequest request, byte[] body) {
        boolean ok = false;
        for (String secret : secrets) {
            ok |= switch (type) {
                case PAGERDUTY -> PagerDutySignature.verify(secret, request.getHeader(PagerDutySignature.HEADER), body);
                case INCIDENTIO -> StandardWebhooks.verify(secret, request.getHeader("webhook-id"),
                    request.getHeader("webhook-timestamp"), request.getHeader("webhook-signature"), body,
                    clock.instant());
                default -> TokenAuth.verify(secret, request.getHeader(HttpHeaders.AUTHORIZATION),
                    request.getHeader(TokenAuth.HEADER));
            };
        }
        return ok;
    }

    private static boolean missingCredentials(IntegrationType type, HttpServletRequest request) {
        return switch (type) {
            case PAGERDUTY -> request.getHeader(PagerDutySignature.HEADER) == null;
            case INCIDENTIO -> request.getHeader("webhook-signature") == null;
            default -> request.getHeader(HttpHeaders.AUTHORIZATION) == null && request.getHeader(TokenAuth.HEADER) == null;
        };
    }

    /**
     * The sender's event id from a header, only where the signature covers it (Standard Webhooks signs
     * {@code webhook-id}). PagerDuty signs the body alone: its {@code X-Webhook-Id} header could be changed by anyone
     * who captured a delivery, so PagerDuty deliveries are deduplicated on the signed {@code event.id} in the body
     * (or, without one, the body's SHA-256), and a replay under any header is a duplicate.
     */
    private static String eventId(IntegrationType type, HttpServletRequest request) {
        return switch (type) {
            case INCIDENTIO -> request.getHeader("webhook-id");
            default -> null;
        };
    }

    static boolean json(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)
                || ("application".equals(type.getType()) && type.getSubtype().endsWith("+json"));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void unauthorized(HttpServletRequest request, HttpServletResponse response) throws IOException {
        problem(request, response, HttpStatus.UNAUTHORIZED, "Unauthorized",
            "The signature or token does not match this integration's secret.");
    }

    /** An RFC 9457 problem detail, as Spring MVC writes them elsewhere in the API (with the path as instance). */
    private static void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                                String title, String detail) throws IOException {
        ProblemResponses.write(response, status.value(), title, detail, request.getRequestURI());
    }

    private static void write(HttpServletResponse response, int status, String contentType, String json)
        throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(contentType);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
