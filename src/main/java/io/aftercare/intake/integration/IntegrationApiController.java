package io.aftercare.intake.integration;

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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.aftercare.identity.AftercareUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/integrations")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Integrations", description = """
    Alerting tools that send incidents to Aftercare by webhook (admins only). Each integration has a webhook URL \
    /webhooks/{type}/{id} and a secret that is shown once, when it is made or rotated.""")
class IntegrationApiController {

    private final Integrations integrations;

    IntegrationApiController(Integrations integrations) {
        this.integrations = integrations;
    }

    record CreateIntegration(String type, String name, String teamLabel, String secret) {
    }

    record RotateSecret(String secret) {
    }

    /** An integration in the API: never its secret. */
    record IntegrationJson(UUID id, String type, String name, String webhookUrl, String teamLabel, Instant createdAt,
                           Instant secretRotatedAt, Instant previousSecretValidUntil) {
    }

    record IntegrationWithSecret(UUID id, String type, String name, String webhookUrl, String secret) {
    }

    private IntegrationJson json(Integration i) {
        return new IntegrationJson(i.id(), i.type().slug(), i.name(), integrations.webhookUrl(i), i.teamLabel(),
            i.createdAt(), i.secretRotatedAt(), i.previousValidUntil());
    }

    private static IntegrationWithSecret json(Integrations.WithSecret w) {
        return new IntegrationWithSecret(w.integration().id(), w.integration().type().slug(), w.integration().name(),
            w.webhookUrl(), w.secret());
    }

    @PostMapping
    @Operation(summary = "Add an integration", description = """
        type is pagerduty, opsgenie, alertmanager, incidentio, grafana-oncall or generic. The answer carries the \
        webhook URL and the secret, this once. PagerDuty and incident.io make their own signing secret: pass it \
        as secret (incident.io's starts with whsec_), or leave it out and paste the one Aftercare makes into a \
        test. For the others Aftercare makes a token for the tool to send (Bearer, Basic password or \
        X-Aftercare-Token). teamLabel (Alertmanager) names the label that holds the team, team by default.""")
    ResponseEntity<IntegrationWithSecret> create(@AuthenticationPrincipal AftercareUser me,
                                                 @RequestBody CreateIntegration body) {
        var created = integrations.create(body.type(), body.name(), body.teamLabel(), body.secret(), me.personId());
        return ResponseEntity.created(URI.create("/api/v1/integrations/" + created.integration().id()))
            .body(json(created));
    }

    @GetMapping
    @Operation(summary = "List integrations (without secrets)")
    List<IntegrationJson> list() {
        return integrations.list().stream().map(this::json).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One integration (without its secret)")
    IntegrationJson get(@PathVariable UUID id) {
        return json(integrations.get(id));
    }

    @PostMapping("/{id}/secret")
    @Operation(summary = "Rotate the secret", description = """
        Makes a new secret (or stores the tool's own, given as {secret}) and answers it this once. The previous \
        secret is still accepted for aftercare.intake.secret-overlap (24 hours by default), so the tool can be \
        switched over without losing deliveries.""")
    IntegrationWithSecret rotate(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id,
                                 @RequestBody(required = false) RotateSecret body) {
        return json(integrations.rotate(id, body == null ? null : body.secret(), me.personId()));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Remove an integration", description = """
        Its webhook URL stops accepting deliveries and its delivery log is removed. Incidents it recorded stay.""")
    ResponseEntity<Void> delete(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id) {
        integrations.delete(id, me.personId());
        return ResponseEntity.noContent().build();
    }
}
