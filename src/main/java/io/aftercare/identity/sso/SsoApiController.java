package io.aftercare.identity.sso;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/admin/sso")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Single sign-on (admin)", description = "How OpenID Connect sign-in is configured, read only: it is set "
    + "in the configuration (docs/sso.md), never through the API.")
@ApiResponse(responseCode = "401", description = "Not signed in, or the token is unknown, revoked or expired")
@ApiResponse(responseCode = "403", description = "Not an admin")
class SsoApiController {

    private final SsoState state;

    SsoApiController(SsoState state) {
        this.state = state;
    }

    @GetMapping
    @Operation(summary = "The single sign-on setup: providers (never their secret), adding people at first sign-in, "
        + "the group to role mapping, and whether local passwords are on")
    @ApiResponse(responseCode = "200", description = "What is configured; enabled is false when no provider is")
    SsoState.View get() {
        return state.view();
    }
}
