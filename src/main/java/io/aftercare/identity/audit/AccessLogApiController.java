package io.aftercare.identity.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.aftercare.identity.AftercareUser;
import io.aftercare.identity.AuditLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/me/access-log")
@Tag(name = "Who saw what about me", description = """
    Every time someone else read or changed your data, from the audit log. Your own actions are not listed.""")
class AccessLogApiController {

    private final AuditLog audit;

    AccessLogApiController(AuditLog audit) {
        this.audit = audit;
    }

    /**
     * @param byName the actor's name; {@code null} with an actorId means a person no longer in the directory, and
     *               both {@code null} means Aftercare itself
     */
    record AccessJson(Instant at, UUID actorId, String byName, String action, String target, String detail) {
    }

    @GetMapping
    @Operation(summary = "Every time someone else read or changed your data, newest first",
        description = "Who (by name), when and what.")
    @ApiResponse(responseCode = "200", description = "The entries about you")
    @ApiResponse(responseCode = "401", description = "Not signed in, or the token is unknown, revoked or expired")
    List<AccessJson> list(@AuthenticationPrincipal AftercareUser me) {
        return audit.about(me.personId()).stream()
            .map(e -> new AccessJson(e.at(), e.actorId(), e.actorName(), e.action(), e.target(), e.detail()))
            .toList();
    }
}
