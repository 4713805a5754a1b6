package io.aftercare.recovery.plans;

import java.util.List;
import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import io.aftercare.directory.Directory;
import io.aftercare.directory.TeamRef;
import io.aftercare.identity.AftercareUser;
import io.aftercare.web.TimeFormat;

/** A lead's page of the plans their team's members shared with them, for shifts not yet ended. */
@Controller
@PreAuthorize("isAuthenticated()")
class SharedPlansController {

    private final Plans plans;
    private final Directory directory;
    private final TimeFormat time;

    SharedPlansController(Plans plans, Directory directory, TimeFormat time) {
        this.plans = plans;
        this.directory = directory;
        this.time = time;
    }

    /** One shared plan as the page shows it. */
    record Row(String person, String kind, String colleague, String startsAt, String endsAt) {
    }

    /**
     * The team, when the caller leads it. Refused before "not found", so that someone who leads no team learns nothing
     * about which teams exist; admins are refused too, since a plan is shared with the leads and nobody else.
     */
    static TeamRef ledBy(Directory directory, AftercareUser me, UUID teamId) {
        return directory.team(teamId).filter(t -> t.leads().contains(me.personId()))
            .orElseThrow(() -> new AccessDeniedException("Plans are shared with this team's leads only."));
    }

    @GetMapping("/teams/{id}/plans")
    String page(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id, Model model) {
        TeamRef team = ledBy(directory, me, id);
        List<Row> rows = plans.sharedWith(id).stream().map(p -> new Row(p.personName(), p.kind().name(),
            p.colleagueName(), time.format(p.shiftStartsAt()), time.format(p.shiftEndsAt()))).toList();
        model.addAttribute("team", team);
        model.addAttribute("plans", rows);
        return "recovery/shared-plans";
    }
}
