package io.aftercare.recovery.plans;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.aftercare.directory.Directory;
import io.aftercare.directory.OnCallShift;
import io.aftercare.directory.TeamRef;
import io.aftercare.identity.AftercareUser;
import io.aftercare.shared.DomainException;
import io.aftercare.web.TimeFormat;

/** Back on the horse: the person's coming shifts, each with its plan or a form to make one. Theirs alone. */
@Controller
@PreAuthorize("isAuthenticated()")
class PlansController {

    static final String PAGE = "/me/recovery/plans";

    /** How many coming shifts without a plan the page offers to plan. */
    static final int SHOWN = 3;

    private final Plans plans;
    private final Directory directory;
    private final TimeFormat time;

    PlansController(Plans plans, Directory directory, TimeFormat time) {
        this.plans = plans;
        this.directory = directory;
        this.time = time;
    }

    /** One coming shift as the page shows it, with its plan if there is one. */
    record ShiftRow(String key, String startsAt, String endsAt, String startsAtValue, String team, String rotation,
                    Plan plan) {
    }

    @GetMapping(PAGE)
    String page(@AuthenticationPrincipal AftercareUser me, Model model) {
        return render(me.personId(), model, null, Map.of());
    }

    private String render(UUID personId, Model model, String failedShift, Map<String, String> errors) {
        List<Plan> all = plans.of(personId);
        List<ShiftRow> rows = new ArrayList<>();
        int unplanned = 0;
        for (OnCallShift s : plans.comingShifts(personId)) {
            Plan plan = all.stream().filter(p -> p.shiftStartsAt().equals(s.startsAt())).findFirst().orElse(null);
            // the next few shifts, and any further one that has a plan: not a page of forms
            if (plan == null && ++unplanned > SHOWN) {
                continue;
            }
            String team = directory.team(s.teamId()).map(TeamRef::name).orElse("");
            rows.add(new ShiftRow("shift-" + s.startsAt().toEpochMilli(), time.format(s.startsAt()),
                time.format(s.endsAt()), s.startsAt().toString(), team, s.rotationName(), plan));
        }
        model.addAttribute("shifts", rows);
        model.addAttribute("colleagues", plans.colleagues(personId));
        model.addAttribute("kinds", PlanKind.values());
        model.addAttribute("failedShift", failedShift);
        model.addAttribute("errors", errors);
        return "recovery/plans";
    }

    @PostMapping(PAGE)
    String create(@AuthenticationPrincipal AftercareUser me, @RequestParam(required = false) String shiftStartsAt,
                  @RequestParam(required = false) String kind, @RequestParam(required = false) String colleagueId,
                  @RequestParam(required = false) String shared, Model model, RedirectAttributes redirect) {
        try {
            plans.create(me.personId(), new Plans.PlanInput(shiftStartsAt, kind, colleague(colleagueId),
                "true".equals(shared)));
        } catch (DomainException.Invalid e) {
            return render(me.personId(), model, shiftStartsAt, e.byField());
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:" + PAGE;
    }

    @PostMapping(PAGE + "/{id}")
    String update(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id,
                  @RequestParam(required = false) String kind, @RequestParam(required = false) String colleagueId,
                  @RequestParam(required = false) String shared, Model model, RedirectAttributes redirect) {
        try {
            // an unticked box sends nothing: on this form that means "not shared"
            plans.update(me.personId(), id, new Plans.PlanInput(null, kind, colleague(colleagueId),
                "true".equals(shared)));
        } catch (DomainException.Invalid e) {
            Plan plan = plans.get(me.personId(), id);
            return render(me.personId(), model, plan.shiftStartsAt().toString(), e.byField());
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:" + PAGE;
    }

    @PostMapping(PAGE + "/{id}/delete")
    String delete(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id, RedirectAttributes redirect) {
        plans.delete(me.personId(), id);
        redirect.addFlashAttribute("deleted", true);
        return "redirect:" + PAGE;
    }

    private static UUID colleague(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("colleagueId", "is not a colleague in the directory");
        }
    }
}
