package io.aftercare.insights.programme;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.aftercare.identity.AftercareUser;
import io.aftercare.shared.Months;

/**
 * Programme health for coordinators: is peer support happening, and how soon? One released calendar month at a time
 * (the newest unless another released month is asked for), every figure about people's care as the rule set
 * released it to this viewer ({@link ProgrammeHealth}).
 */
@Controller
@PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
class ProgrammeHealthController {

    /** Released months offered as links. Older released months stay reachable by their address. */
    static final int MONTHS_LISTED = 12;

    private final ProgrammeHealth health;
    private final Clock clock;

    ProgrammeHealthController(ProgrammeHealth health, Clock clock) {
        this.health = health;
        this.clock = clock;
    }

    @GetMapping("/programme/support/health")
    String page(@AuthenticationPrincipal AftercareUser me, @RequestParam(required = false) String month,
                Locale locale, Model model) {
        YearMonth shown = Months.asked(month, clock.instant());
        DateTimeFormatter label = DateTimeFormatter.ofPattern("MMMM yyyy", locale);
        model.addAttribute("month", shown);
        model.addAttribute("monthLabel", label.format(shown));
        model.addAttribute("figures", health.figures(me.personId(), shown, locale));
        model.addAttribute("minPeople", health.k());
        model.addAttribute("months", Months.recent(clock.instant(), MONTHS_LISTED).stream()
            .map(m -> new MonthLink(m.toString(), label.format(m), m.equals(shown))).toList());
        return "support/health";
    }

    /** A link to one released month. */
    public record MonthLink(String value, String label, boolean current) {
    }
}
