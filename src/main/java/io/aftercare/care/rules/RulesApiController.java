package io.aftercare.care.rules;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.aftercare.identity.AftercareUser;
import io.aftercare.shared.DomainException;
import io.aftercare.shared.Problems;
import io.aftercare.shared.Problems.FieldError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/** "Programme → Trigger rules" as API: when a resolved incident opens a care case, for coordinators and admins. */
@RestController
@RequestMapping("/api/v1/programme/rules")
@PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
@Tag(name = "Trigger rules", description = "When a resolved incident opens a care case for its responders. "
    + "Coordinators and admins.")
class RulesApiController {

    private final ProgrammeRules rules;

    RulesApiController(ProgrammeRules rules) {
        this.rules = rules;
    }

    @Schema(name = "TriggerRules", description = "A case opens when any rule that is on matches")
    record RulesView(@Schema(description = "on: severities from SEV1 up to maxSeverity match") boolean severityOn,
                     @Schema(description = "1 to 5 (3: SEV1 to SEV3)") int maxSeverity,
                     @Schema(description = "on: incidents that lasted longer than minDurationMinutes match") boolean durationOn,
                     @Schema(description = "0 to 10080") int minDurationMinutes,
                     @Schema(description = "on: being paged inside sleep hours, in the person's own time zone, matches") boolean sleepOn,
                     @Schema(example = "22:00") String sleepStart, @Schema(example = "08:00") String sleepEnd,
                     @Schema(description = "on: the incident commander always gets a case") boolean commanderOn) {

        static RulesView of(TriggerRules r) {
            return new RulesView(r.severityOn(), r.maxSeverity(), r.durationOn(), r.minDurationMinutes(), r.sleepOn(),
                r.sleepStart().toString(), r.sleepEnd().toString(), r.commanderOn());
        }
    }

    @Schema(name = "TriggerRulesInput", description = "Every field is required")
    record RulesInput(Boolean severityOn, Integer maxSeverity, Boolean durationOn, Integer minDurationMinutes,
                      Boolean sleepOn, @Schema(example = "22:00") String sleepStart,
                      @Schema(example = "08:00") String sleepEnd, Boolean commanderOn) {
    }

    @GetMapping
    @Operation(summary = "The trigger rules in force")
    RulesView get() {
        return RulesView.of(rules.current());
    }

    @PutMapping
    @Operation(summary = "Replace the trigger rules; they apply to incidents resolved from now on")
    RulesView put(@AuthenticationPrincipal AftercareUser me, @RequestBody RulesInput body) {
        if (body == null) {
            throw DomainException.invalid("severityOn", "is required");
        }
        List<FieldError> errors = new ArrayList<>();
        for (var flag : List.of(new Object[] {"severityOn", body.severityOn()}, new Object[] {"durationOn",
            body.durationOn()}, new Object[] {"sleepOn", body.sleepOn()}, new Object[] {"commanderOn",
            body.commanderOn()})) {
            if (flag[1] == null) {
                errors.add(new FieldError((String) flag[0], "is required"));
            }
        }
        if (body.maxSeverity() == null || body.maxSeverity() < 1 || body.maxSeverity() > 5) {
            errors.add(new FieldError("maxSeverity", "must be a whole number from 1 to 5"));
        }
        if (body.minDurationMinutes() == null || body.minDurationMinutes() < 0
            || body.minDurationMinutes() > 7 * 24 * 60) {
            errors.add(new FieldError("minDurationMinutes", "must be a whole number from 0 to 10080 (a week)"));
        }
        LocalTime start = time(body.sleepStart(), "sleepStart", errors);
        LocalTime end = time(body.sleepEnd(), "sleepEnd", errors);
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        rules.update(new TriggerRules(body.severityOn(), body.maxSeverity(), body.durationOn(),
            body.minDurationMinutes(), body.sleepOn(), start, end, body.commanderOn()), me.personId());
        return RulesView.of(rules.current());
    }

    private static LocalTime time(String value, String field, List<FieldError> errors) {
        try {
            return LocalTime.parse(value == null ? "" : value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a time of day, HH:mm"));
            return null;
        }
    }
}
