package io.aftercare.intake.delivery;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.aftercare.identity.AftercareUser;
import io.aftercare.intake.integration.Integrations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Integrations")
class IntakeApiController {

    static final int LOG_SIZE = 50;

    private final Deliveries deliveries;
    private final Integrations integrations;
    private final UnmatchedIdentities unmatched;

    IntakeApiController(Deliveries deliveries, Integrations integrations, UnmatchedIdentities unmatched) {
        this.deliveries = deliveries;
        this.integrations = integrations;
        this.unmatched = unmatched;
    }

    record MapIdentity(UUID personId) {
    }

    @GetMapping("/api/v1/integrations/{id}/deliveries")
    @Operation(summary = "The integration's last 50 deliveries, newest first", description = """
        outcome is ACCEPTED, DUPLICATE, IGNORED_EVENT_TYPE, REJECTED_SIGNATURE (at most one line a minute) or \
        INVALID, with the reason in detail.""")
    List<DeliveryView> deliveries(@PathVariable UUID id) {
        integrations.get(id);
        return deliveries.recent(id, LOG_SIZE);
    }

    @GetMapping("/api/v1/unmatched-identities")
    @Operation(summary = "People the sources named whom the directory does not know",
        description = "all=true includes those already mapped (personId set).")
    List<UnmatchedIdentity> unmatched(@RequestParam(defaultValue = "false") boolean all) {
        return unmatched.list(!all);
    }

    @PostMapping("/api/v1/unmatched-identities/{id}")
    @Operation(summary = "Say who an unmatched identity is", description = """
        Body {personId}. Future deliveries naming this identity add that person, and every incident it was named \
        in so far gets them as a responder now.""")
    Map<String, Integer> map(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id,
                             @RequestBody MapIdentity body) {
        return Map.of("incidentsUpdated", unmatched.map(id, body.personId(), me.personId()));
    }
}
