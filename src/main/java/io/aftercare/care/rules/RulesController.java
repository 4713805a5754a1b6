package io.aftercare.care.rules;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.aftercare.identity.AftercareUser;

/** “Programme â Trigger rules”: when a care case opens, in plain words, editable by coordinators. */
@Controller
@PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
class RulesController {

    private static final String VIEW = "care/rules";

    private final ProgrammeRules rules;

    RulesController(ProgrammeRules rules) {
        this.rules = rules;
    }

    /** The form as typed, so that a mistake keeps what was entered. */
    record RulesForm(boolean severityOn, String maxSeverity, boolean durationOn, String minDurationMinutes,
                     boolean sleepOn, String sleepStart, String sleepEnd, boolean commanderOn) {

        static RulesForm of(TriggerRules r) {
            return new RulesForm(r.severityOn(), String.valueOf(r.maxSeverity()), r.durationOn(),
                String.valueOf(r.minDurationMinutes()), r.sleepOn(), r.sleepStart().toString(),
                r.sleepEnd().toString(), r.commanderOn());
        }
    }

    @GetMapping("/programme/rules")
    String show(Model model) {
        TriggerRules current = rules.current();
        model.addAttribute("rules", current);
        model.addAttribute("form", RulesForm.of(current));
        model.addAttribute("errors", Map.of());
        return VIEW;
    }

    @PostMapping("/programme/rules")
    String update(@AuthenticationPrincipal AftercareUser me,
                  @RequestParam(defaultValue = "false") boolean severityOn,
                  @RequestParam(defaultValue = "") String maxSeverity,
                  @RequestParam(defaultValue = "false") boolean durationOn,
                  @RequestParam(defaultValue = "") String minDurationMinutes,
                  @RequestParam(defaultValue = "false") boolean sleepOn,
                  @RequestParam(defaultValue = "") String sleepStart,
                  @RequestParam(defaultValue = "") String sleepEnd,
                  @RequestParam(defaultValue = "false") boolean commanderOn,
                  Model model, RedirectAttributes redirect) {
        RulesForm form = new RulesForm(severityOn, maxSeverity, durationOn, minDurationMinutes, sleepOn, sleepStart,
            sleepEnd, commanderOn);
        Map<String, String> errors = new LinkedHashMap<>();
        Integer severity = number(maxSeverity, 1, 5, "maxSeverity", "care.rules.error.severity", errors);
        Integer minutes = number(minDurationMinutes, 0, 7 * 24 * 60, "minDurationMinutes",
            "care.rules.error.minutes", errors);
        LocalTime start = time(sleepStart, "sleepStart", errors);
        LocalTime end = time(sleepEnd, "sleepEnd", errors);
        if (!errors.isEmpty()) {
            model.addAttribute("rules", rules.current());
            model.addAttribute("form", form);
            model.addAttribute("errors", errors);
            return VIEW;
        }
        rules.update(new TriggerRules(severityOn, severity, durationOn, minutes, sleepOn, start, end, commanderOn),
            me.personId());
        redirect.addFlashAttribute("saved", true);
        return "redirect:/programme/rules";
    }

    private static Integer number(String value, int min, int max, String field, String error,
                                  Map<String, String> errors) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the error
        }
        errors.put(field, error);
        return null;
    }

    private static LocalTime time(String value, String field, Map<String, String> errors) {
        try {
            return LocalTime.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.put(field, "care.rules.error.time");
            return null;
        }
    }
}
