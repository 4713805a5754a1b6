package io.aftercare.notify.webhooks;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.aftercare.identity.AftercareUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/webhook-subscriptions")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Webhook subscriptions", description = """
    Outbound webhooks (admins only): Aftercare POSTs events to your URL, signed with the Standard Webhooks scheme \
    (webhook-id, webhook-timestamp, webhook-signature). Events: case.opened (a care case opened after an \
    incident). Payloads carry an opaque id and a stage only, never a person, an answer, a personal choice or a note; \
    ids differ per event type and per subscription. The whsec_ signing secret is shown once, when the subscription is made.""")
class WebhookApiController {

    private final WebhookSubscriptions subscriptions;

    WebhookApiController(WebhookSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    record SubscriptionRequest(String name, String url, List<String> events, Boolean enabled) {
    }

    /** A subscription in the API: never its secret. */
    record SubscriptionJson(UUID id, String name, String url, List<String> events, boolean enabled,
                            String disabledReason, Instant createdAt, Instant updatedAt) {
    }

    record SubscriptionWithSecret(UUID id, String name, String url, List<String> events, boolean enabled,
                                  String secret) {
    }

    /** One try: when, the receiver's HTTP status (null when it did not answer), how long, the outcome. */
    record AttemptJson(String webhookId, String type, Instant at, Integer status, int durationMs, String outcome,
                       String detail) {
    }

    static SubscriptionJson json(Subscription s) {
        return new SubscriptionJson(s.id(), s.name(), s.url(), s.eventCodes(), s.enabled(), s.disabledReason(),
            s.createdAt(), s.updatedAt());
    }

    @PostMapping
    @Operation(summary = "Add a webhook subscription", description = """
        url must be https (and not a private address) unless the operator allows otherwise; events is a list of \
        event types; enabled defaults to true. The answer carries the whsec_ signing secret, this once.""")
    ResponseEntity<SubscriptionWithSecret> create(@AuthenticationPrincipal AftercareUser me,
                                                  @RequestBody SubscriptionRequest body) {
        var created = subscriptions.create(body.name(), body.url(), body.events(),
            body.enabled() == null || body.enabled(), me.personId());
        Subscription s = created.subscription();
        return ResponseEntity.created(URI.create("/api/v1/webhook-subscriptions/" + s.id()))
            .body(new SubscriptionWithSecret(s.id(), s.name(), s.url(), s.eventCodes(), s.enabled(),
                created.secret()));
    }

    @GetMapping
    @Operation(summary = "List webhook subscriptions (without secrets)")
    List<SubscriptionJson> list() {
        return subscriptions.list().stream().map(WebhookApiController::json).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One webhook subscription (without its secret)")
    SubscriptionJson get(@PathVariable UUID id) {
        return json(subscriptions.get(id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a webhook subscription", description = """
        Fields left out stay as they are; enabled: false switches deliveries off (waiting ones become dead letters \
        that can be retried once it is on again).""")
    SubscriptionJson update(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id,
                            @RequestBody SubscriptionRequest body) {
        boolean enabled = body.enabled() == null ? subscriptions.get(id).enabled() : body.enabled();
        return json(subscriptions.update(id, body.name(), body.url(), body.events(), enabled, me.personId()));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Remove a webhook subscription", description = "Its delivery log goes with it.")
    ResponseEntity<Void> delete(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id) {
        subscriptions.delete(id, me.personId());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/deliveries")
    @Operation(summary = "The subscription's delivery log", description = """
        The most recent tries, newest first: HTTP status and outcome (DELIVERED, FAILED, TIMEOUT, NO_ANSWER, GONE, \
        REFUSED, SKIPPED). Bodies are not shown.""")
    List<AttemptJson> deliveries(@PathVariable UUID id) {
        return subscriptions.log(id).stream().map(a -> new AttemptJson(
            "msg_" + a.messageId().toString().replace("-", ""), a.eventType(), a.attemptedAt(), a.statusCode(),
            a.durationMs(), a.outcome(), a.detail())).toList();
    }
}
