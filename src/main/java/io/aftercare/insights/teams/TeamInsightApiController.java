package io.aftercare.insights.teams;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.aftercare.directory.Directory;
import io.aftercare.directory.TeamRef;
import io.aftercare.identity.AftercareUser;
import io.aftercare.insights.Figure;
import io.aftercare.insights.RuleSet;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The team dashboard and the organisation's view as API: exactly what the pages show, from the same report. */
@RestController
@PreAuthorize("isAuthenticated()")
@Tag(name = "Team insight")
class TeamInsightApiController {

    private final CareInsight insight;
    private final Directory directory;
    private final RuleSet ruleSet;
    private final Clock clock;

    TeamInsightApiController(CareInsight insight, Directory directory, RuleSet ruleSet, Clock clock) {
        this.insight = insight;
        this.directory = directory;
        this.ruleSet = ruleSet;
        this.clock = clock;
    }

    @Schema(name = "InsightFigure", description = "One figure as the rule set released it. A hidden figure has no "
        + "numbers; a share at an edge (\"2 or fewer of 40\") has no count or percent.")
    record FigureView(@Schema(example = "care.stressed.severity") String figure,
                      @Schema(example = "SEV2") String group,
                      @Schema(example = "After SEV2 incidents") String label,
                      @Schema(example = "After SEV2 incidents, 6 of 11 (54.5%) felt stressed or very stressed.")
                      String text,
                      @Schema(description = "false: not enough answers to show without identifying anyone")
                      boolean shown,
                      @Schema(description = "SHARE, BANDS, MEDIAN or MEAN; null when hidden") String kind,
                      Integer count, Integer of, Double percent,
                      @Schema(description = "a median or mean; minutes for the time to first outreach") Double value,
                      @Schema(description = "for BANDS: 1–2, 3 and 4–5 as shares of the same people")
                      List<FigureView> bands) {
    }

    @Schema(name = "InsightSection")
    record SectionView(@Schema(example = "stress") String id, String heading, List<FigureView> figures) {
    }

    @Schema(name = "Insight", description = "One released month for a team or the whole organisation")
    record InsightView(@Schema(example = "2026-10") String month,
                       @Schema(description = "the team, or null for the whole organisation") UUID teamId,
                       @Schema(description = "a figure counts at least this many people other than you")
                       int minPeople,
                       List<SectionView> sections,
                       @Schema(description = "the newest released months, newest first") List<String> months) {
    }

    @GetMapping("/api/v1/teams/{id}/insight")
    @Operation(summary = "A team's month after incidents: stress, effects, outreach, follow-ups, opting out",
        description = "Every figure passes the rule set (docs/privacy.md, \"Aggregates\"); a hidden one says so and "
            + "carries no numbers. People count in the team they were in at the incident. For the team's leads, "
            + "coordinators and admins. 404 when there is no such team or you are not one of its leads (members "
            + "and leads of other teams get the same answer), or when the month is not a released one (the open "
            + "month, a future one, or not a month).")
    InsightView team(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id,
                     @Parameter(description = "YYYY-MM; the newest released month when left out")
                     @RequestParam(required = false) String month, Locale locale) {
        TeamRef team = InsightAccess.team(directory, me, id);
        YearMonth shown = ReleasedMonths.asked(month, clock.instant());
        return view(insight.report(me.personId(), team.id(), shown, locale), team.id());
    }

    @GetMapping("/api/v1/programme/insight")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
    @Operation(summary = "The whole organisation's month after incidents, for coordinators",
        description = "The same figures as a team's, for everyone. 403 unless you are a coordinator or an admin; "
            + "404 when the month is not a released one.")
    InsightView programme(@AuthenticationPrincipal AftercareUser me,
                          @Parameter(description = "YYYY-MM; the newest released month when left out")
                          @RequestParam(required = false) String month, Locale locale) {
        YearMonth shown = ReleasedMonths.asked(month, clock.instant());
        return view(insight.report(me.personId(), null, shown, locale), null);
    }

    private InsightView view(InsightReport report, UUID teamId) {
        List<SectionView> sections = new ArrayList<>();
        for (InsightReport.Section s : report.sections()) {
            sections.add(new SectionView(s.id(), s.heading(), s.lines().stream().map(TeamInsightApiController::figure)
                .toList()));
        }
        return new InsightView(report.month().toString(), teamId, ruleSet.k(), sections,
            ReleasedMonths.recent(clock.instant()).stream().map(YearMonth::toString).toList());
    }

    static FigureView figure(InsightReport.Line line) {
        Figure f = line.released();
        if (f instanceof Figure.Share s) {
            return share(line.figure(), line.group(), line.label(), line.text(), s);
        }
        if (f instanceof Figure.Bands b) {
            return new FigureView(line.figure(), line.group(), line.label(), line.text(), true, "BANDS", null,
                b.low().of(), null, null, List.of(share(line.figure(), "1-2", null, null, b.low()),
                    share(line.figure(), "3", null, null, b.middle()), share(line.figure(), "4-5", null, null,
                        b.high())));
        }
        if (f instanceof Figure.Median m) {
            return new FigureView(line.figure(), line.group(), line.label(), line.text(), true, "MEDIAN", null,
                m.of(), null, m.value(), null);
        }
        if (f instanceof Figure.Mean m) {
            return new FigureView(line.figure(), line.group(), line.label(), line.text(), true, "MEAN", null,
                m.of(), null, m.value(), null);
        }
        return new FigureView(line.figure(), line.group(), line.label(), line.text(), false, null, null, null,
            null, null, null);
    }

    private static FigureView share(String figure, String group, String label, String text, Figure.Share s) {
        boolean exact = s.edge() == Figure.Edge.EXACT;
        return new FigureView(figure, group, label, text, true, "SHARE", exact ? s.count() : null, s.of(),
            exact ? s.percent() : null, null, null);
    }
}
