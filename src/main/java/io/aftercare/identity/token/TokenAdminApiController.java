package io.aftercare.identity.token;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.aftercare.identity.AftercareUser;
import io.aftercare.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/admin/tokens")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "API tokens (admin)", description = "Everyone's API tokens, for admins: listed without their secret, revocable.")
@ApiResponse(responseCode = "401", description = "Not signed in, or the token is unknown, revoked or expired")
@ApiResponse(responseCode = "403", description = "Not an admin")
class TokenAdminApiController {

    private final ApiTokens tokens;

    TokenAdminApiController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    record OwnedTokenView(UUID id, String name, String prefix, TokenScope scope, UUID ownerId, String ownerName,
                          String ownerLogin, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
                          Instant revokedAt) {
    }

    @GetMapping
    @Operation(summary = "Every API token: name, owner, scope, created, expires, last used (never the secret)")
    @ApiResponse(responseCode = "200", description = "Everyone's tokens")
    List<OwnedTokenView> list() {
        return tokens.listAll().stream().map(o -> {
            var t = o.token();
            return new OwnedTokenView(t.id(), t.name(), t.prefix(), t.scope(), o.ownerId(), o.ownerName(),
                o.ownerLogin(), t.createdAt(), t.expiresAt(), t.lastUsedAt(), t.revokedAt());
        }).toList();
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke anyone's API token", description = "Recorded in the audit log, and shown to its owner.")
    @ApiResponse(responseCode = "204", description = "Revoked (or it already was)")
    @ApiResponse(responseCode = "404", description = "No such token")
    ResponseEntity<Void> revoke(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id) {
        if (!tokens.revokeAny(id, me.personId())) {
            throw DomainException.notFound("The token");
        }
        return ResponseEntity.noContent().build();
    }
}
