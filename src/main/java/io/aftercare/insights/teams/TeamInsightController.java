package io.aftercare.insights.teams;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import io.aftercare.directory.Directory;
import io.aftercare.directory.TeamRef;
import io.aftercare.identity.AftercareUser;
import io.aftercare.insights.RuleSet;

/**
 * The team dashboard (for the team's leads, coordinators and admins) and the organisation's view (coordinators and
 * admins): one released month at a time, every figure as the rule set released it, with a CSV of the same.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class TeamInsightController {

    private final CareInsight insight;
    private final Directory directory;
    private final FigureWords words;
    private final RuleSet ruleSet;
    private final Clock clock;

    TeamInsightController(CareInsight insight, Directory directory, FigureWords words, RuleSet ruleSet, Clock clock) {
        this.insight = insight;
        this.directory = directory;
        this.words = words;
        this.ruleSet = ruleSet;
        this.clock = clock;
    }

    @GetMapping("/teams/{id}/insight")
    String team(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id,
                @RequestParam(required = false) String month, Locale locale, Model model) {
        TeamRef team = InsightAccess.team(directory, me, id);
        YearMonth shown = ReleasedMonths.asked(month, clock.instant());
        model.addAttribute("team", team);
        model.addAttribute("heading", words.text("insight.team.heading", locale, team.name()));
        model.addAttribute("base", "/teams/" + team.id() + "/insight");
        return page(insight.report(me.personId(), team.id(), shown, locale), locale, model);
    }

    @GetMapping("/teams/{id}/insight.csv")
    ResponseEntity<String> teamCsv(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id,
                                   @RequestParam(required = false) String month, Locale locale) {
        TeamRef team = InsightAccess.team(directory, me, id);
        YearMonth shown = ReleasedMonths.asked(month, clock.instant());
        return InsightCsv.download(insight.report(me.personId(), team.id(), shown, locale), "team-insight",
            words.text("insight.csv.header", locale));
    }

    @GetMapping("/programme/insight")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
    String programme(@AuthenticationPrincipal AftercareUser me, @RequestParam(required = false) String month,
                     Locale locale, Model model) {
        YearMonth shown = ReleasedMonths.asked(month, clock.instant());
        model.addAttribute("heading", words.text("insight.programme.heading", locale));
        model.addAttribute("base", "/programme/insight");
        model.addAttribute("teams", directory.allTeams(500));
        return page(insight.report(me.personId(), null, shown, locale), locale, model);
    }

    @GetMapping("/programme/insight.csv")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
    ResponseEntity<String> programmeCsv(@AuthenticationPrincipal AftercareUser me,
                                        @RequestParam(required = false) String month, Locale locale) {
        YearMonth shown = ReleasedMonths.asked(month, clock.instant());
        return InsightCsv.download(insight.report(me.personId(), null, shown, locale), "organisation-insight",
            words.text("insight.csv.header", locale));
    }

    private String page(InsightReport report, Locale locale, Model model) {
        DateTimeFormatter label = DateTimeFormatter.ofPattern("MMMM yyyy", locale);
        model.addAttribute("report", report);
        model.addAttribute("minPeople", ruleSet.k());
        model.addAttribute("months", ReleasedMonths.recent(clock.instant()).stream()
            .map(m -> new MonthLink(m.toString(), label.format(m), m.equals(report.month()))).toList());
        return "insights/team";
    }

    /** A link to one released month. */
    public record MonthLink(String value, String label, boolean current) {
    }
}
