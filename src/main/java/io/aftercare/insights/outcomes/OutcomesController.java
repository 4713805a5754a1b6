package io.aftercare.insights.outcomes;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.aftercare.identity.AftercareUser;
import io.aftercare.insights.Figure;
import io.aftercare.insights.RuleSet;
import io.aftercare.insights.teams.ReleasedMonths;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/** "Does it help?" for coordinators: the page. */
@Controller
@PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
class OutcomesController {

    private final Outcomes outcomes;
    private final RuleSet ruleSet;
    private final Clock clock;

    OutcomesController(Outcomes outcomes, RuleSet ruleSet, Clock clock) {
        this.outcomes = outcomes;
        this.ruleSet = ruleSet;
        this.clock = clock;
    }

    @GetMapping("/programme/insight/outcomes")
    String page(@AuthenticationPrincipal AftercareUser me, @RequestParam(required = false) String month,
                Locale locale, Model model) {
        YearMonth shown = ReleasedMonths.asked(month, clock.instant());
        DateTimeFormatter label = DateTimeFormatter.ofPattern("MMMM yyyy", locale);
        model.addAttribute("report", outcomes.report(me.personId(), shown, locale));
        model.addAttribute("minPeople", ruleSet.k());
        model.addAttribute("months", OutcomesApiController.months(clock).stream()
            .map(m -> new MonthLink(m.toString(), label.format(m), m.equals(shown))).toList());
        return "insights/outcomes";
    }

    /** A link to one released month. */
    public record MonthLink(String value, String label, boolean current) {
    }
}

