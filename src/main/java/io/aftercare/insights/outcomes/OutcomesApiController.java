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

/** "Does it help?" as API: what the page shows. */
@RestController
@PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
@Tag(name = "Team insight")
class OutcomesApiController {

    private final Outcomes outcomes;
    private final RuleSet ruleSet;
    private final Clock clock;

    OutcomesApiController(Outcomes outcomes, RuleSet ruleSet, Clock clock) {
        this.outcomes = outcomes;
        this.ruleSet = ruleSet;
        this.clock = clock;
    }

    static List<YearMonth> months(Clock clock) {
        YearMonth latest = ReleasedMonths.latest(clock.instant());
        return java.util.stream.IntStream.range(0, 12).mapToObj(latest::minusMonths).toList();
    }

    @Schema(name = "OutcomeGroup", description = "One group's median change from day 1 to day 30, in points on 1–5 "
        + "(negative: went down). Hidden groups carry no numbers.")
    record GroupView(@Schema(example = "outcome.RUMINATION.tools") String figure,
                     @Schema(example = "tools", description = "tools, noTools, reached or notReached") String group,
                     String label, String text, boolean shown,
                     @Schema(example = "-0.5") Double medianChange,
                     @Schema(description = "how many people are in the group") Integer people) {
    }

    @Schema(name = "OutcomeMeasure")
    record MeasureView(@Schema(example = "RUMINATION") String measure, String heading, List<GroupView> groups) {
    }

    @Schema(name = "Outcomes", description = "Does it help? One released month; not a trial")
    record OutcomesView(@Schema(example = "2026-10") String month, int minPeople, List<MeasureView> measures,
                        List<String> months) {
    }

    @GetMapping("/api/v1/programme/insight/outcomes")
    @Operation(summary = "Does it help? The median change from day 1 to day 30 with and without a recovery tool, "
        + "and with and without someone reaching out within 24 hours",
        description = "People count in the month their day-30 follow-up was answered. Every group passes the rule "
            + "set; a hidden one carries no numbers. This compares groups that chose differently: it is not a "
            + "trial and does not show cause. 403 unless you are a coordinator or an admin; 404 when the month is "
            + "not a released one.")
    OutcomesView show(@AuthenticationPrincipal AftercareUser me,
                      @Parameter(description = "YYYY-MM; the newest released month when left out")
                      @RequestParam(required = false) String month, Locale locale) {
        YearMonth shown = ReleasedMonths.asked(month, clock.instant());
        Outcomes.Report report = outcomes.report(me.personId(), shown, locale);
        return new OutcomesView(shown.toString(), ruleSet.k(), report.measures().stream()
            .map(m -> new MeasureView(m.measure(), m.heading(), m.groups().stream().map(g -> {
                if (g.released() instanceof Figure.Median med) {
                    return new GroupView(g.figure(), g.group(), g.label(), g.text(), true, med.value() / 10.0,
                        med.of());
                }
                return new GroupView(g.figure(), g.group(), g.label(), g.text(), false, null, null);
            }).toList())).toList(),
            months(clock).stream().map(YearMonth::toString).toList());
    }
}
