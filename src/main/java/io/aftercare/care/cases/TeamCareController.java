package io.aftercare.care.cases;

import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
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
import io.aftercare.directory.TeamRef;
import io.aftercare.identity.AftercareUser;
import io.aftercare.identity.Role;
import io.aftercare.shared.DomainException;

/**
 * A team's care, for its leads (and admins): the team's members by name, each with "suggest a check-in". Being a lead
 * of this team (set on the team's page) opens it; the LEAD role on its own does not (decision 0026). Nothing of
 * anyone's care shows here, not a stage, not whether a check-in waits or was answered: the page and the answer to a
 * suggestion are the same whatever any member did. What a lead may learn of care comes from group statistics only.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class TeamCareController {

    private final CareService care;
    private final Directory directory;

    TeamCareController(CareService care, Directory directory) {
        this.care = care;
        this.directory = directory;
    }

    /** The team, when the caller may see its care: an admin, or one of its leads (the API asks the same). */
    static TeamRef teamFor(Directory directory, AftercareUser me, UUID teamId) {
        var team = directory.team(teamId);
        // refused before "not found", so that someone who leads no team learns nothing about which teams exist
        if (!me.has(Role.ADMIN) && (team.isEmpty() || !team.get().leads().contains(me.personId()))) {
            throw new AccessDeniedException("Only this team's leads can see its care.");
        }
        return team.orElseThrow(() -> DomainException.notFound("Team"));
    }

    @GetMapping("/teams/{id}/care")
    String show(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id, Model model) {
        TeamRef team = teamFor(directory, me, id);
        model.addAttribute("team", team);
        model.addAttribute("people", care.team(id));
        // a lead who is in the team finds themselves in the list, without "suggest": their own care is on /me
        model.addAttribute("me", me.personId());
        return "care/team";
    }

    @PostMapping("/teams/{id}/care/suggest")
    String suggest(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id,
                   @RequestParam(required = false) UUID personId, RedirectAttributes redirect) {
        teamFor(directory, me, id);
        if (personId == null) {
            throw DomainException.invalid("personId", "is required");
        }
        care.suggest(me.personId(), id, personId);
        // the same answer whatever the person has done or will do (an invitation waiting, a case open, opted out)
        redirect.addFlashAttribute("suggested", true);
        return "redirect:/teams/" + id + "/care";
    }
}
