package io.aftercare.directory.setup;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Getting started (admin)",
    description = "The checklist a new Aftercare walks an admin through, each step ticked from what is there now.")
@ApiResponse(responseCode = "401", description = "Not signed in, or the token is unknown, revoked or expired")
@ApiResponse(responseCode = "403", description = "Not an admin")
class GettingStartedApiController {

    private final GettingStarted checklist;
    private final MessageSource messages;

    GettingStartedApiController(GettingStarted checklist, MessageSource messages) {
        this.checklist = checklist;
        this.messages = messages;
    }

    /**
     * One step.
     *
     * @param key   stable name: teams, people, roster, resources, channels, integration
     * @param title what to do, in words
     * @param path  the page where it is done, or null when it is done in configuration
     */
    record StepView(String key, String title, boolean done, String path) {
    }

    record ChecklistView(boolean done, List<StepView> steps) {
    }

    @GetMapping("/api/v1/admin/getting-started")
    @Operation(summary = "The getting-started checklist: teams, people, supporters, resources, mail or Slack, an "
        + "integration", description = "Each step is done when what it asks for exists now (a team, a second "
        + "person, a supporter on the roster, a resource, e-mail or Slack configured, an integration); nothing is "
        + "stored, so a step can open again.")
    @ApiResponse(responseCode = "200", description = "The steps in order, and whether all are done")
    ChecklistView checklist() {
        List<StepView> steps = checklist.steps().stream().map(s -> new StepView(s.key(),
            messages.getMessage("gettingStarted." + s.key(), null, s.key(), Locale.ENGLISH), s.done(), s.path()))
            .toList();
        return new ChecklistView(steps.stream().allMatch(StepView::done), steps);
    }
}
