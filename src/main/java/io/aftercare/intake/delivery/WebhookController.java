package io.aftercare.intake.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
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
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.aftercare.intake.integration.Integration;
import io.aftercare.intake.integration.IntegrationType;
import io.aftercare.intake.integration.Integrations;
import io.aftercare.intake.source.PagerDutySignature;
import io.aftercare.shared.StandardWebhooks;
import io.aftercare.intake.source.TokenAuth;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code POST /webhooks/{type}/{integrationId}}: reachable without a session or CSRF token (its own security
 * filter chain), because each delivery authenticates itself: a signature or token checked over the raw body before
 * anything is parsed (PRIVACY.md, rule 7). In order: 413 above 1 MiB; 401 for an unknown integration or a signature
 * or token that does not match; 415 for a body that is not JSON; 400 for JSON the source's parser cannot read; 202
 * once an incident event is committed (it is applied from the stored row, decision 0011), 200 for a test event, an
 * unused event type or a duplicate; 503 when the database cannot take it, so that the sender retries.
 */
@RestController
class WebhookController {

    static final int MAX_BODY = 1024 * 1024;

    private final Integrations integrations;
    private final Deliveries deliveries;
    private final java.time.Clock clock;

    WebhookController(Integrations integrations, Deliveries deliveries, java.time.Clock clock) {
        this.integrations = integrations;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @PostMapping("/webhooks/{type}/{integrationId}")
    ResponseEntity<?> receive(@PathVariable String type, @PathVariable String integrationId,
                              HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, "Payload too large", "The body is larger than 1 MiB.");
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, "Payload too large", "The body is larger than 1 MiB.");
        }
        Optional<IntegrationType> kind = IntegrationType.parse(type);
        UUID id = uuid(integrationId);
        String source = kind.map(IntegrationType::slug).orElse("unknown");
        try {
            Optional<Integrations.Receiver> receiver = id == null || kind.isEmpty() ? Optional.empty()
                : integrations.receiver(id).filter(r -> r.integration().type() == kind.get());
            if (receiver.isEmpty()) {
                deliveries.rejected(source, null, "no " + source + " integration with that id");
                return unauthorized();
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
                return unauthorized();
            }
            var channel = new Deliveries.Channel(i.id().toString(), i.id(), i.type().slug(), null);
            if (!json(request.getContentType())) {
                deliveries.invalid(channel, body, "The content type is not application/json.");
                return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                    "Send the payload as application/json.");
            }
            var result = deliveries.accept(channel, body, eventId(i.type(), request), Parsers.of(i));
            if (result.status() >= 400) {
                return problem(HttpStatus.valueOf(result.status()), "Invalid payload", result.detail());
            }
            return ResponseEntity.status(result.status())
                .body(Map.of("outcome", result.outcome().name(), "deliveryId", result.deliveryId()));
        } catch (DataIntegrityViolationException removed) {
            // the integration was removed on another instance since this one read it
            deliveries.rejected(source, null, "no " + source + " integration with that id");
            return unauthorized();
        } catch (DataAccessException | TransactionException e) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "30")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body(HttpStatus.SERVICE_UNAVAILABLE, "Unavailable",
                    "Aftercare cannot store deliveries right now. Please retry."));
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

    private static String eventId(IntegrationType type, HttpServletRequest request) {
        return switch (type) {
            case PAGERDUTY -> request.getHeader("X-Webhook-Id");
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

    private static ResponseEntity<ProblemDetail> unauthorized() {
        return problem(HttpStatus.UNAUTHORIZED, "Unauthorized",
            "The signature or token does not match this integration's secret.");
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .body(body(status, title, detail));
    }

    private static ProblemDetail body(HttpStatus status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        p.setType(URI.create("about:blank"));
        return p;
    }
}
