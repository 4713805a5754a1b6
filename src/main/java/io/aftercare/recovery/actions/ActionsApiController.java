package io.aftercare.recovery.actions;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.aftercare.identity.AftercareUser;
import io.aftercare.recovery.actions.WhatIdFix.Action;
import io.aftercare.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * "What I'd fix" for scripts and phones: the follow-up actions the caller listed against a case of their own.
 * Another person's case or action is 404, whatever the caller's roles.
 */
@RestController
@RequestMapping("/api/v1/me/cases/{caseId}/actions")
@PreAuthorize("isAuthenticated()")
@Tag(name = "What I'd fix", description = "Follow-up actions you list against one of your own cases. Only you can "
    + "see them.")
class ActionsApiController {

    private final WhatIdFix actions;

    ActionsApiController(WhatIdFix actions) {
        this.actions = actions;
    }

    /** A new action: title required (at most 200 characters), url optional (http or https). */
    record NewAction(String title, String url) {
    }

    @GetMapping
    @Operation(summary = "The actions you listed for one of your cases, oldest first",
        description = "404 when the case is not yours or does not exist.")
    List<Action> list(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID caseId) {
        return actions.list(me.personId(), caseId);
    }

    @PostMapping
    @Operation(summary = "List an action for one of your cases ({title, url})",
        description = "400 when the title is missing or longer than 200 characters, or the url is not an http or "
            + "https address; 404 when the case is not yours or does not exist.")
    ResponseEntity<Action> add(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID caseId,
                               @RequestBody(required = false) NewAction body) {
        if (body == null) {
            throw DomainException.invalid("body", "is required");
        }
        Action added = actions.add(me.personId(), caseId, body.title(), body.url());
        return ResponseEntity.created(URI.create("/api/v1/me/cases/" + caseId + "/actions/" + added.id()))
            .body(added);
    }

    @PatchMapping("/{actionId}")
    @Operation(summary = "Change an action: {title, url, done}, each optional (an empty url removes the link)",
        description = "400 when the title is empty or longer than 200 characters, or the url is not an http or "
            + "https address; 404 when the case or action is not yours or does not exist.")
    Action change(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID caseId, @PathVariable UUID actionId,
                  @RequestBody(required = false) WhatIdFix.Change body) {
        if (body == null) {
            throw DomainException.invalid("body", "is required");
        }
        return actions.change(me.personId(), caseId, actionId, body);
    }

    @DeleteMapping("/{actionId}")
    @Operation(summary = "Delete an action", description = "404 when the case or action is not yours or does not "
        + "exist.")
    ResponseEntity<Void> delete(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID caseId,
                                @PathVariable UUID actionId) {
        actions.delete(me.personId(), caseId, actionId);
        return ResponseEntity.noContent().build();
    }
}
