package io.aftercare.identity.token;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.aftercare.identity.AftercareUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "API tokens", description = "Your personal API tokens. A token acts as you, with your roles.")
class TokenApiController {

    private final ApiTokens tokens;

    TokenApiController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    record CreateToken(@NotBlank @Size(max = 100) String name) {
    }

    record TokenView(UUID id, String name, String prefix, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
        static TokenView of(ApiTokens.TokenInfo t) {
            return new TokenView(t.id(), t.name(), t.prefix(), t.createdAt(), t.lastUsedAt(), t.revokedAt());
        }
    }

    record CreatedToken(UUID id, String name, String prefix, Instant createdAt, String token) {
    }

    @GetMapping
    @Operation(summary = "List your API tokens (never their secret)")
    List<TokenView> list(@AuthenticationPrincipal AftercareUser me) {
        return tokens.list(me.personId()).stream().map(TokenView::of).toList();
    }

    @PostMapping
    @Operation(summary = "Create an API token; the token itself is in this response only")
    ResponseEntity<CreatedToken> create(@AuthenticationPrincipal AftercareUser me, @Valid @RequestBody CreateToken body) {
        var created = tokens.create(me.personId(), body.name());
        var info = created.info();
        return ResponseEntity.created(URI.create("/api/v1/tokens/" + info.id()))
            .body(new CreatedToken(info.id(), info.name(), info.prefix(), info.createdAt(), created.token()));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke one of your API tokens")
    ResponseEntity<Void> revoke(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id) {
        if (!tokens.revoke(me.personId(), id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such token of yours.");
        }
        return ResponseEntity.noContent().build();
    }
}
