package io.aftercare.insights.oncall;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.aftercare.identity.AftercareUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@PreAuthorize("isAuthenticated()")
@Tag(name = "On-call load", description = "How often on-call reached people, and when, in their own time zones: "
    + "operational data from rotations and incidents, never care answers. Your own, and your teams' if you lead "
    + "them (coordinators and admins see every team's). docs/oncall-load.md explains each figure.")
class OnCallLoadApiController {

    private final OnCallLoads loads;
    private final OnCallWords words;

    OnCallLoadApiController(OnCallLoads loads, OnCallWords words) {
        this.loads = loads;
        this.words = words;
    }

    @Schema(name = "OnCallLoad", description = "One person's month in their own time zone")
    record LoadView(@Schema(example = "2026-11") String month, @Schema(example = "Europe/Berlin") String timeZone,
                    int interruptions, int businessHours, int offHours, int sleepHours,
                    @Schema(description = "against PagerDuty's lines: up to 2 healthy, 7 or more high, 19 or more "
                        + "burnout") PersonLoad.Level level,
                    @Schema(description = "hours on call in the month, any rotation, overlaps once") double onCallHours,
                    @Schema(description = "percent of the month on call, one decimal") double onCallPercent,
                    @Schema(description = "more than the SRE book's 25%") boolean onCallTooMuch,
                    @Schema(description = "interruptions that started while on call") int incidentsOnCall,
                    @Schema(description = "incidents per 12 hours on call, one decimal; null when not on call")
                    Double perTwelveHours,
                    @Schema(description = "more than the SRE book's 2 per 12-hour shift") boolean tooManyPerShift,
                    @Schema(description = "most days in a row with an interruption") int longestRunDays,
                    @Schema(description = "fewest quiet days between two days with interruptions; null with fewer "
                        + "than two runs") Integer shortestRestDays) {

        static LoadView of(PersonLoad p) {
            return new LoadView(p.month().toString(), p.zone().getId(), p.interruptions(), p.business(), p.off(),
                p.sleep(), p.level(), Math.round(p.onCallMinutes() / 6.0) / 10.0, p.sharePercent(), p.shareTooHigh(),
                p.incidentsOnCall(), p.perShift(), p.tooManyPerShift(), p.longestRun(), p.shortestRest());
        }
    }

    @Schema(name = "MyOnCallLoad")
    record MineView(LoadView load, @Schema(description = "the six months up to this one, oldest first")
                    List<LoadView> trend, List<String> sentences) {
    }

    @Schema(name = "TeamOnCallPerson")
    record PersonView(UUID personId, String name, LoadView load) {
    }

    @Schema(name = "TeamOnCallRotation")
    record RotationView(UUID rotationId, String name, int size,
                        @Schema(description = "everyone in it is in one time zone") boolean singleSite,
                        @Schema(description = "single-site and fewer than the SRE book's 8 people") boolean tooSmall,
                        @Schema(description = "the most interruptions anyone in it had") int mostInterruptions,
                        double medianInterruptions,
                        @Schema(description = "most against median, one decimal; null when the median is 0")
                        Double fairnessRatio, boolean uneven, List<String> sentences) {
    }

    @Schema(name = "TeamOnCallLoad")
    record TeamView(UUID teamId, String teamName, @Schema(example = "2026-11") String month, int interruptions,
                    int businessHours, int offHours, int sleepHours, List<PersonView> people,
                    List<RotationView> rotations, List<String> sentences) {
    }

    @GetMapping("/api/v1/me/oncall")
    @Operation(summary = "Your on-call load in a month",
        description = """
            Interruptions in business, off and sleep hours of your own time zone, time on call, incidents per 12 \\
            hours on call, runs of days with interruptions, and the six months up to this one; worked out on each \\
            request from rotations and incidents, never stored. Your team's leads can see the same figures. \\
            400 with a problem detail for a month that is not YYYY-MM (from 2000-01 to a year ahead); 401 without \\
            sign-in.""",
        responses = {
            @ApiResponse(responseCode = "200", description = "Your month"),
            @ApiResponse(responseCode = "400", description = "Not a month we can show (problem detail naming month)"),
            @ApiResponse(responseCode = "401", description = "Not signed in")})
    MineView mine(@AuthenticationPrincipal AftercareUser me,
                  @Parameter(description = "YYYY-MM; the current month of your time zone when left out",
                      example = "2026-11") @RequestParam(required = false) String month) {
        var m = loads.month(month, me.personId());
        List<PersonLoad> trend = loads.myTrend(me.personId(), m);
        PersonLoad load = trend.get(trend.size() - 1);
        Locale locale = LocaleContextHolder.getLocale();
        return new MineView(LoadView.of(load), trend.stream().map(LoadView::of).toList(), words.mine(load, locale));
    }

    @GetMapping("/api/v1/teams/{id}/oncall-load")
    @Operation(summary = "A team's on-call load in a month, per person and per rotation",
        description = """
            For the team's leads, coordinators and admins. Each person's month in their own time zone, the team's \\
            totals, and for each rotation its size (with the SRE book's warning below 8 for a single site) and how \\
            evenly interruptions fell (the most-loaded person against the median). Operational data only: no care \\
            answer is part of it. 404 for anyone else, the same as for a team that does not exist; 400 with a \\
            problem detail for a month that is not YYYY-MM; 401 without sign-in.""",
        responses = {
            @ApiResponse(responseCode = "200", description = "The team's month"),
            @ApiResponse(responseCode = "400", description = "Not a month we can show (problem detail naming month)"),
            @ApiResponse(responseCode = "401", description = "Not signed in"),
            @ApiResponse(responseCode = "404", description = "No such team, or not one you may see")})
    TeamView team(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id,
                  @Parameter(description = "YYYY-MM; the current month of your time zone when left out",
                      example = "2026-11") @RequestParam(required = false) String month) {
        TeamLoad t = loads.team(me, id, loads.month(month, me.personId()));
        Locale locale = LocaleContextHolder.getLocale();
        return new TeamView(t.teamId(), t.teamName(), t.month().toString(), t.interruptions(), t.business(), t.off(),
            t.sleep(), t.people().stream().map(r -> new PersonView(r.personId(), r.name(), LoadView.of(r.load())))
                .toList(),
            t.rotations().stream().map(r -> new RotationView(r.rotationId(), r.name(), r.size(), r.singleSite(),
                r.tooSmall(), r.fairness().most(), r.fairness().median(), r.fairness().ratio(), r.fairness().uneven(),
                words.rotation(r, locale))).toList(),
            words.team(t, locale));
    }
}
