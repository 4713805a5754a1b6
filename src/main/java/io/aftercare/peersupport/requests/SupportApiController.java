package io.aftercare.peersupport.requests;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.aftercare.identity.AftercareUser;
import io.aftercare.identity.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Support requests for scripts and chat bots: ask for a supporter at any time and close your own request; as a
 * supporter, only the requests assigned to you, with only what the person chose to share.
 */
@RestController
@RequestMapping("/api/v1/me/support-requests")
@PreAuthorize("isAuthenticated()")
@Tag(name = "Peer support", description = "Ask for a trained peer supporter; or, as a supporter, your assigned requests.")
class SupportApiController {

    private final SupportRequestService requests;

    SupportApiController(SupportRequestService requests) {
        this.requests = requests;
    }

    /** @param note what you would like your supporter to know (optional, at most 1000 characters) */
    record Ask(String note) {
    }

    /** Your own requests, and (supporters only) the ones assigned to you. */
    record Lists(List<SupportRequestService.OwnView> mine, List<SupportRequestService.AssignedView> assigned) {
    }

    @GetMapping
    @Operation(summary = "Your own requests (nobodyFree: no eligible supporter is free yet); and, if you are a "
        + "supporter, those assigned to you (contact: how the person likes to be reached, once you acknowledged)")
    Lists list(@AuthenticationPrincipal AftercareUser me) {
        return new Lists(requests.mine(me.personId()),
            me.has(Role.SUPPORTER) ? requests.assignedTo(me.personId()) : List.of());
    }

    @PostMapping
    @Operation(summary = "Ask for a peer supporter, at any time (while one request is open, returns that one)")
    ResponseEntity<SupportRequestService.OwnView> ask(@AuthenticationPrincipal AftercareUser me,
                                                      @RequestBody(required = false) Ask body) {
        UUID id = requests.request(me.personId(), null, RequestOrigin.SELF, body == null ? null : body.note(), false);
        return ResponseEntity.created(URI.create("/api/v1/me/support-requests/" + id))
            .body(requests.ownView(me.personId(), id));
    }

    @PostMapping("/{id}/acknowledge")
    @PreAuthorize("hasRole('SUPPORTER')")
    @Operation(summary = "As the assigned supporter: you will be in touch")
    SupportRequestService.AssignedView acknowledge(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id) {
        return requests.acknowledge(me.personId(), id);
    }

    @PostMapping("/{id}/contact-made")
    @PreAuthorize("hasRole('SUPPORTER')")
    @Operation(summary = "As the assigned supporter: you have talked")
    SupportRequestService.AssignedView contactMade(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id) {
        return requests.contactMade(me.personId(), id);
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "Close a request: your own, or (as a supporter) one assigned to you")
    Object close(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id) {
        boolean own = requests.mine(me.personId()).stream().anyMatch(r -> r.id().equals(id));
        if (own || !me.has(Role.SUPPORTER)) {
            return requests.closeAsPerson(me.personId(), id);
        }
        return requests.closeAsSupporter(me.personId(), id);
    }
}
