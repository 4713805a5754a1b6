package io.aftercare.peersupport.requests;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

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
import io.aftercare.directory.PersonRef;
import io.aftercare.identity.AftercareUser;
import io.aftercare.identity.AuditLog;

/**
 * For coordinators: the roster (who, capacity, break, never anyone's requests), the pairing exclusions, the offer
 * threshold, requests no eligible supporter is left for, and supporters whose contact is overdue.
 */
@Controller
@PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
class ProgrammeSupportController {

    private final Roster roster;
    private final SupportRequestService requests;
    private final Directory directory;
    private final AuditLog audit;

    ProgrammeSupportController(Roster roster, SupportRequestService requests, Directory directory, AuditLog audit) {
        this.audit = audit;
        this.roster = roster;
        this.requests = requests;
        this.directory = directory;
    }

    public record RosterRow(String name, String zone, Roster.Supporter supporter) {
    }

    @GetMapping("/programme/support")
    String page(Model model) {
        List<Roster.Supporter> supporters = roster.supporters();
        Map<UUID, PersonRef> people = directory.people(supporters.stream().map(Roster.Supporter::personId).toList())
            .stream().collect(Collectors.toMap(PersonRef::id, Function.identity(), (a, b) -> a));
        model.addAttribute("roster", supporters.stream().filter(s -> people.containsKey(s.personId()))
            .map(s -> new RosterRow(people.get(s.personId()).name(), people.get(s.personId()).timeZone().getId(), s))
            .toList());
        model.addAttribute("settings", roster.settings());
        model.addAttribute("waiting", requests.waiting());
        model.addAttribute("overdue", requests.overdue());
        return "support/programme";
    }

    @PostMapping("/programme/support/roster")
    String add(@AuthenticationPrincipal AftercareUser me, @RequestParam(defaultValue = "") String email,
               RedirectAttributes redirect) {
        var person = directory.personByEmail(email.strip());
        if (person.isEmpty() || !roster.isSupporter(person.get().id())) {
            redirect.addFlashAttribute("flash", "support.flash.notSupporter");
        } else {
            roster.of(person.get().id());
            audit.record(me.personId(), person.get().id(), "support.roster.added", "person:" + person.get().id(), null);
            redirect.addFlashAttribute("flash", "support.flash.added");
        }
        return "redirect:/programme/support";
    }

    @PostMapping("/programme/support/settings")
    String save(@AuthenticationPrincipal AftercareUser me,
                @RequestParam(defaultValue = "false") boolean excludeSameTeam,
                @RequestParam(defaultValue = "false") boolean excludeSameLine,
                @RequestParam(defaultValue = "4") int offerMinStress,
                @RequestParam(defaultValue = "false") boolean offerNeedsSleep,
                @RequestParam(defaultValue = "4") double offerMinRumination, RedirectAttributes redirect) {
        roster.save(new Roster.Settings(excludeSameTeam, excludeSameLine, Math.max(1, Math.min(5, offerMinStress)),
            offerNeedsSleep, Math.max(1, Math.min(5, offerMinRumination))), me.personId());
        redirect.addFlashAttribute("flash", "support.flash.programmeSaved");
        return "redirect:/programme/support";
    }

    @PostMapping("/programme/support/requests/{id}/retry")
    String retry(@PathVariable UUID id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("flash", requests.retry(id) ? "support.flash.retried" : "support.flash.stillNobody");
        return "redirect:/programme/support";
    }
}
