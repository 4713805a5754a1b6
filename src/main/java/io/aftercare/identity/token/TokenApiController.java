package io.aftercare.identity.token;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.aftercare.identity.AftercareUser;
import io.aftercare.shared.DomainException;
import io.aftercare.shared.Problems.FieldError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "API tokens", description = """
    Your personal API tokens. A token acts as you, with your roles, until it expires or is revoked. A read-only \
    token (scope READ) can only read: anything else it tries gets 403. A token cannot make other tokens.""")
@ApiResponse(responseCode = "401", description = "Not signed in, or the token is unknown, revoked or expired")
class TokenApiController {

    private final ApiTokens tokens;

    TokenApiController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    /**
     * @param scope         READ or FULL (default FULL)
     * @param expiresInDays how long the token lives, 1 to the configured maximum (default 90)
     */
    record CreateToken(@NotBlank @Size(max = 100) String name, String scope, Integer expiresInDays) {
    }

    record TokenView(UUID id, String name, String prefix, TokenScope scope, Instant createdAt, Instant expiresAt,
                     Instant lastUsedAt, Instant revokedAt) {
        static TokenView of(ApiTokens.TokenInfo t) {
            return new TokenView(t.id(), t.name(), t.prefix(), t.scope(), t.createdAt(), t.expiresAt(),
                t.lastUsedAt(), t.revokedAt());
        }
    }

    record CreatedToken(UUID id, String name, String prefix, TokenScope scope, Instant createdAt, Instant expiresAt,
                        String token) {
    }

    @GetMapping
    @Operation(summary = "List your API tokens (never their secret)")
    @ApiResponse(responseCode = "200", description = "Your tokens, newest first")
    List<TokenView> list(@AuthenticationPrincipal AftercareUser me) {
        return tokens.list(me.personId()).stream().map(TokenView::of).toList();
    }

    @PostMapping
    @Operation(summary = "Create an API token; the token itself is in this response only", description = """
        Sign in with your password (HTTP Basic) to make one: an API token cannot make tokens. scope is READ or FULL \
        (default FULL); expiresInDays is 1 to the configured maximum (default 90).""")
    @ApiResponse(responseCode = "201", description = "Created; the answer carries the token, this once")
    @ApiResponse(responseCode = "400", description = "The name, scope or expiresInDays is not valid")
    @ApiResponse(responseCode = "403", description = "Called with an API token")
    ResponseEntity<CreatedToken> create(@AuthenticationPrincipal AftercareUser me, @Valid @RequestBody CreateToken body) {
        if (me.viaToken()) {
            throw DomainException.notAllowed(BearerTokenFilter.NO_TOKENS_FROM_TOKENS);
        }
        List<FieldError> errors = new ArrayList<>();
        TokenScope scope = TokenScope.FULL;
        if (body.scope() != null) {
            scope = TokenScope.parse(body.scope()).orElse(null);
            if (scope == null) {
                errors.add(new FieldError("scope", "must be READ or FULL"));
            }
        }
        int days = body.expiresInDays() == null ? tokens.defaultDays() : body.expiresInDays();
        if (days < 1 || days > tokens.maxDays()) {
            errors.add(new FieldError("expiresInDays", "must be between 1 and " + tokens.maxDays()));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        var created = tokens.create(me.personId(), body.name(), scope, days);
        var info = created.info();
        return ResponseEntity.created(URI.create("/api/v1/tokens/" + info.id()))
            .body(new CreatedToken(info.id(), info.name(), info.prefix(), info.scope(), info.createdAt(),
                info.expiresAt(), created.token()));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke one of your API tokens")
    @ApiResponse(responseCode = "204", description = "Revoked (or it already was)")
    @ApiResponse(responseCode = "403", description = "Called with a read-only token")
    @ApiResponse(responseCode = "404", description = "No such token of yours")
    ResponseEntity<Void> revoke(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id) {
        if (!tokens.revoke(me.personId(), id)) {
            throw DomainException.notFound("The token");
        }
        return ResponseEntity.noContent().build();
    }
}
