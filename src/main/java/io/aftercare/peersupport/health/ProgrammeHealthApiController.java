package io.aftercare.peersupport.health;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
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
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Programme health as API: what the page shows, from the page's own {@link ProgrammeHealth} and {@link Months},
 * and nothing more. A figure that cannot be shown without identifying anyone is left out here as it is there; bands
 * are words, never numbers.
 */
@RestController
@PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
@Tag(name = "Peer support programme")
class ProgrammeHealthApiController {

    private final ProgrammeHealth health;
    private final MessageSource messages;
    private final Clock clock;

    ProgrammeHealthApiController(ProgrammeHealth health, MessageSource messages, Clock clock) {
        this.health = health;
        this.messages = messages;
        this.clock = clock;
    }

    @Schema(name = "HealthFigure", description = "One figure of the month, in broad words")
    record FigureView(@Schema(example = "within24") String figure, @Schema(example = "ABOUT_HALF") String band,
                      @Schema(example = "People someone reached out to within 24 hours after each incident")
                      String label,
                      @Schema(example = "About half") String text) {
    }

    @Schema(name = "ProgrammeHealth", description = "One closed, released month of the programme. Figures that "
        + "would identify someone are left out; someHidden says some were.")
    record HealthView(@Schema(example = "2026-10") String month,
                      @Schema(description = "a figure counts at least this many people other than you")
                      int minPeople,
                      List<FigureView> figures,
                      boolean someHidden,
                      @Schema(description = "the newest released months, newest first") List<String> months) {
    }

    @GetMapping("/api/v1/programme/support/health")
    @Operation(summary = "Programme health of one released month: is peer support reaching people, and how soon?",
        description = "A month is released a week after it ends and does not change after that. "
            + "404 when the month is not a released one (the open month, a future one, or not a month).")
    HealthView show(@AuthenticationPrincipal AftercareUser me,
                    @Parameter(description = "YYYY-MM; the newest released month when left out")
                    @RequestParam(required = false) String month, Locale locale) {
        YearMonth shown = Months.asked(month, clock.instant());
        List<ProgrammeHealth.Figure> figures = health.figures(shown, me.personId());
        List<FigureView> visible = figures.stream().filter(ProgrammeHealth.Figure::shown)
            .map(f -> new FigureView(last(f.key()), last(f.band()), messages.getMessage(f.key(), null, locale),
                messages.getMessage(f.band(), null, locale)))
            .toList();
        return new HealthView(shown.toString(), HealthRules.K, visible,
            !visible.isEmpty() && visible.size() < figures.size(),
            Months.recent(clock.instant(), ProgrammeHealthController.MONTHS_LISTED).stream()
                .map(YearMonth::toString).toList());
    }

    private static String last(String key) {
        return key.substring(key.lastIndexOf('.') + 1);
    }
}
