package io.aftercare.insights.programme;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.aftercare.identity.AftercareUser;
import io.aftercare.shared.Months;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Programme health as API: what the page shows, from the page's own {@link ProgrammeHealth} and {@link Months},
 * and nothing more. Every figure is listed; one the rule set did not release to this viewer says so in the same words
 * as the page, with no number.
 */
@RestController
@PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
@Tag(name = "Peer support programme")
class ProgrammeHealthApiController {

    private final ProgrammeHealth health;
    private final Clock clock;

    ProgrammeHealthApiController(ProgrammeHealth health, Clock clock) {
        this.health = health;
        this.clock = clock;
    }

    @Schema(name = "HealthFigure", description = "One figure of the month, as the rule set released it to you")
    record FigureView(@Schema(example = "within24") String figure,
                      @Schema(example = "People someone reached out to within 24 hours of their first case that month")
                      String label,
                      @Schema(example = "17 of 40 (42.5%)",
                          description = "the figure in words; \"Not enough answers to show without identifying "
                              + "anyone\" when it is not shown") String text,
                      @Schema(description = "false when the figure cannot be shown without identifying anyone")
                      boolean shown) {
    }

    @Schema(name = "ProgrammeHealth", description = "One closed, released month of the programme. A figure that "
        + "would identify someone says so instead of a number.")
    record HealthView(@Schema(example = "2026-10") String month,
                      @Schema(description = "a figure counts at least this many people other than you")
                      int minPeople,
                      List<FigureView> figures,
                      @Schema(description = "the newest released months, newest first") List<String> months) {
    }

    @GetMapping("/api/v1/programme/support/health")
    @Operation(summary = "Programme health of one released month: is peer support reaching people, and how soon?",
        description = "A month is released a week after it ends and does not change after that. Every figure about "
            + "people's care passes through the rule set, as on team insight: at least minPeople people other than "
            + "you, coarse counts, and what you were shown before decides what you may be shown now.")
    @ApiResponse(responseCode = "200", description = "the month's figures")
    @ApiResponse(responseCode = "404", description = "not a released month (the open month, a future one, or not a "
        + "month); a problem detail")
    @ApiResponse(responseCode = "403", description = "neither a coordinator nor an admin; a problem detail")
    HealthView show(@AuthenticationPrincipal AftercareUser me,
                    @Parameter(description = "YYYY-MM; the newest released month when left out")
                    @RequestParam(required = false) String month, Locale locale) {
        YearMonth shown = Months.asked(month, clock.instant());
        List<FigureView> figures = health.figures(me.personId(), shown, locale).stream()
            .map(f -> new FigureView(f.figure(), f.label(), f.text(), f.shown())).toList();
        return new HealthView(shown.toString(), health.k(), figures,
            Months.recent(clock.instant(), ProgrammeHealthController.MONTHS_LISTED).stream()
                .map(YearMonth::toString).toList());
    }
}
