package io.aftercare.insights.oncall;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.bind.annotation.RequestParam;

import io.aftercare.directory.Directory;
import io.aftercare.identity.AftercareUser;
import io.aftercare.shared.DomainException;

/** The person's own on-call load, and a team's for its leads, coordinators and admins (anyone else: not found). */
@Controller
@PreAuthorize("isAuthenticated()")
class OnCallLoadPageController {

    private final OnCallLoads loads;
    private final OnCallWords words;
    private final EndOfShift endOfShift;
    private final TeamEffort teamEffort;
    private final Directory directory;

    OnCallLoadPageController(OnCallLoads loads, OnCallWords words, EndOfShift endOfShift, TeamEffort teamEffort,
                             Directory directory) {
        this.loads = loads;
        this.words = words;
        this.endOfShift = endOfShift;
        this.teamEffort = teamEffort;
        this.directory = directory;
    }

    /** One end-of-shift question as the person sees it: when the shift ended, in their zone, and their answer. */
    record EffortRow(UUID id, String shift, Integer effort) {
    }

    /** One row of a chart's table: a label and the interruptions in each kind of hours. */
    record Bar(String label, int business, int off, int sleep) {
        public int total() {
            return business + off + sleep;
        }
    }

    @GetMapping("/me/oncall")
    String mine(@AuthenticationPrincipal AftercareUser me, @RequestParam(required = false) String month,
                Model model) {
        YearMonth m = pageMonth(month, me);
        Locale locale = LocaleContextHolder.getLocale();
        List<PersonLoad> trend = loads.myTrend(me.personId(), m);
        PersonLoad load = trend.get(trend.size() - 1);
        model.addAttribute("load", load);
        model.addAttribute("monthName", OnCallWords.monthName(m, locale));
        model.addAttribute("sentences", words.mine(load, locale));
        model.addAttribute("chartSentence", words.trendSentence(load, locale));
        model.addAttribute("bars", trend.stream().map(p -> new Bar(OnCallWords.monthName(p.month(), locale),
            p.business(), p.off(), p.sleep())).toList());
        monthNavigation(model, m);
        ZoneId zone = load.zone();
        var questions = endOfShift.mine(me.personId(), m.minusMonths(OnCallLoads.TREND_MONTHS - 1).atDay(1)
            .atStartOfDay(zone).toInstant()).stream()
            .map(q -> new EffortRow(q.id(), words.shift(q.shiftStartsAt(), q.shiftEndsAt(), zone, locale), q.effort()))
            .toList();
        model.addAttribute("waiting", questions.stream().filter(q -> q.effort() == null).toList());
        model.addAttribute("answered", questions.stream().filter(q -> q.effort() != null).toList());
        model.addAttribute("scale", List.of(1, 2, 3, 4, 5));
        return "oncall/me";
    }

    @GetMapping("/teams/{id}/oncall")
    String team(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id,
                @RequestParam(required = false) String month, Model model) {
        YearMonth m = pageMonth(month, me);
        Locale locale = LocaleContextHolder.getLocale();
        TeamLoad t = loads.team(me, id, m);
        model.addAttribute("team", t);
        model.addAttribute("monthName", OnCallWords.monthName(m, locale));
        model.addAttribute("sentences", words.team(t, locale));
        model.addAttribute("chartSentence", words.teamChartSentence(t, locale));
        model.addAttribute("bars", t.people().stream().map(r -> new Bar(r.name(), r.load().business(),
            r.load().off(), r.load().sleep())).toList());
        model.addAttribute("rotations", t.rotations().stream().map(r -> words.rotation(r, locale)).toList());
        monthNavigation(model, m);
        model.addAttribute("canChangeQuestion", me.has(io.aftercare.identity.Role.ADMIN)
            || directory.team(id).map(team -> team.leads().contains(me.personId())).orElse(false));
        model.addAttribute("questionOn", endOfShift.enabled(id));
        // only what the rule set releases, and only once it is in place; never a count of our own
        model.addAttribute("effortFigure", teamEffort.release(me.personId(), id, t.teamName(), m)
            .map(f -> words.effort(f, m, locale)).orElse(null));
        return "oncall/team";
    }

    @PostMapping("/me/oncall/effort/{id}")
    String answer(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id,
                  @RequestParam(required = false) Integer effort, RedirectAttributes redirect) {
        try {
            endOfShift.answer(me.personId(), id, effort);
            redirect.addFlashAttribute("flash", "oncall.effort.thanks");
        } catch (DomainException.Invalid e) {
            redirect.addFlashAttribute("flash", "oncall.effort.choose");
        }
        return "redirect:/me/oncall";
    }

    @PostMapping("/teams/{id}/oncall/question")
    String question(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id,
                    @RequestParam(defaultValue = "false") boolean enabled, RedirectAttributes redirect) {
        endOfShift.setEnabled(me, id, enabled);
        redirect.addFlashAttribute("flash", enabled ? "oncall.question.on" : "oncall.question.off");
        return "redirect:/teams/" + id + "/oncall";
    }

    /** A month a page can show; one it cannot falls back to the current month rather than an error page. */
    private YearMonth pageMonth(String month, AftercareUser me) {
        try {
            return loads.month(month, me.personId());
        } catch (DomainException.Invalid e) {
            return loads.month(null, me.personId());
        }
    }

    private static void monthNavigation(Model model, YearMonth m) {
        model.addAttribute("month", m.toString());
        model.addAttribute("previousMonth", m.minusMonths(1).toString());
        model.addAttribute("nextMonth", m.plusMonths(1).toString());
    }
}
