package io.aftercare.peersupport.requests;

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
import io.aftercare.shared.Problems.FieldError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A supporter's own settings (the page "Support → Your settings"): capacity, languages, working hours, a break. */
@RestController
@RequestMapping("/api/v1/me/supporter-settings")
@PreAuthorize("hasRole('SUPPORTER')")
@Tag(name = "Peer support", description = "Ask for a trained peer supporter; or, as a supporter, your assigned requests.")
class SupporterSettingsApiController {

    private final Roster roster;

    SupporterSettingsApiController(Roster roster) {
        this.roster = roster;
    }

    @Schema(name = "SupporterSettings")
    record SettingsView(@Schema(description = "requests a week, 0 to 50") int weeklyCapacity,
                        @Schema(example = "[\"English\", \"Deutsch\"]") List<String> languages,
                        @Schema(example = "09:00") String workStart, @Schema(example = "17:00") String workEnd,
                        @Schema(description = "while on, no new request is given to you") boolean onBreak) {

        static SettingsView of(Roster.Supporter s) {
            return new SettingsView(s.weeklyCapacity(), s.languages(), s.workStart().toString(),
                s.workEnd().toString(), s.onBreak());
        }
    }

    @Schema(name = "SupporterSettingsInput", description = "Every field is required; workEnd is after workStart")
    record SettingsInput(Integer weeklyCapacity,
                         @Schema(description = "at most 8, each at most 30 characters") List<String> languages,
                         @Schema(example = "09:00") String workStart, @Schema(example = "17:00") String workEnd,
                         Boolean onBreak) {
    }

    @GetMapping
    @Operation(summary = "Your supporter settings")
    SettingsView get(@AuthenticationPrincipal AftercareUser me) {
        return SettingsView.of(roster.of(me.personId()));
    }

    @PutMapping
    @Operation(summary = "Replace your supporter settings")
    SettingsView put(@AuthenticationPrincipal AftercareUser me, @RequestBody SettingsInput body) {
        if (body == null) {
            throw DomainException.invalid("weeklyCapacity", "is required");
        }
        List<FieldError> errors = new ArrayList<>();
        if (body.weeklyCapacity() == null || body.weeklyCapacity() < 0 || body.weeklyCapacity() > 50) {
            errors.add(new FieldError("weeklyCapacity", "must be a whole number from 0 to 50"));
        }
        List<String> languages = body.languages() == null ? List.of()
            : body.languages().stream().map(l -> l == null ? "" : l.strip()).filter(l -> !l.isEmpty()).toList();
        if (languages.size() > 8 || languages.stream().anyMatch(l -> l.length() > 30)) {
            errors.add(new FieldError("languages", "at most 8, each at most 30 characters"));
        }
        LocalTime start = time(body.workStart(), "workStart", errors);
        LocalTime end = time(body.workEnd(), "workEnd", errors);
        if (start != null && end != null && !end.isAfter(start)) {
            errors.add(new FieldError("workEnd", "must be after workStart"));
        }
        if (body.onBreak() == null) {
            errors.add(new FieldError("onBreak", "is required"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        roster.save(new Roster.Supporter(me.personId(), body.weeklyCapacity(), languages, start, end, body.onBreak()));
        return SettingsView.of(roster.of(me.personId()));
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
