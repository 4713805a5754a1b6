package io.aftercare.peersupport.requests;

import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
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

import io.aftercare.identity.AftercareUser;
import io.aftercare.identity.Role;
import io.aftercare.peersupport.resources.Resources;
import io.aftercare.shared.DomainException;

/**
 * The pages of tier 2: "Talk to someone" for everyone (ask, see and close your own requests), and for supporters
 * their assigned requests and their own settings.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class SupportPagesController {

    private final SupportRequestService requests;
    private final Roster roster;
    private final Resources resources;

    SupportPagesController(SupportRequestService requests, Roster roster, Resources resources) {
        this.requests = requests;
        this.roster = roster;
        this.resources = resources;
    }

    @GetMapping("/support")
    String support(@AuthenticationPrincipal AftercareUser me, java.util.Locale locale, Model model) {
        List<SupportRequestService.OwnView> mine = requests.mine(me.personId());
        List<SupportRequestService.OwnView> open = mine.stream().filter(SupportRequestService.OwnView::open).toList();
        model.addAttribute("open", open);
        // while nobody is free, who they can talk to today: the resources for their country or language
        model.addAttribute("meanwhile", open.stream().anyMatch(SupportRequestService.OwnView::nobodyFree)
            ? resources.nearest(locale) : List.of());
        model.addAttribute("isSupporter", me.has(Role.SUPPORTER));
        model.addAttribute("noteMax", SupportRequestService.NOTE_MAX);
        return "support/support";
    }

    @PostMapping("/support/requests")
    String ask(@AuthenticationPrincipal AftercareUser me, @RequestParam(required = false) String note,
               RedirectAttributes redirect) {
        UUID id = requests.request(me.personId(), null, RequestOrigin.SELF, note, false);
        redirect.addFlashAttribute("flash", requests.ownView(me.personId(), id).nobodyFree()
            ? "support.flash.askedNobodyFree" : "support.flash.asked");
        return "redirect:/support";
    }

    @PostMapping("/support/requests/{id}/close")
    String closeOwn(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id, RedirectAttributes redirect) {
        requests.closeAsPerson(me.personId(), id);
        redirect.addFlashAttribute("flash", "support.flash.closedOwn");
        return "redirect:/support";
    }

    // ---------------------------------------------------------------- supporters

    @GetMapping("/support/assigned")
    @PreAuthorize("hasRole('SUPPORTER')")
    String assigned(@AuthenticationPrincipal AftercareUser me, Model model) {
        List<SupportRequestService.AssignedView> all = requests.assignedTo(me.personId());
        model.addAttribute("active", all.stream().filter(r -> r.open()).toList());
        model.addAttribute("closed", all.stream().filter(r -> !r.open()).toList());
        model.addAttribute("supporter", roster.of(me.personId()));
        return "support/assigned";
    }

    @PostMapping("/support/assigned/{id}/{action}")
    @PreAuthorize("hasRole('SUPPORTER')")
    String act(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id, @PathVariable String action,
               RedirectAttributes redirect) {
        switch (action) {
            case "acknowledge" -> requests.acknowledge(me.personId(), id);
            case "contact-made" -> requests.contactMade(me.personId(), id);
            case "close" -> requests.closeAsSupporter(me.personId(), id);
            default -> throw DomainException.notFound("Action");
        }
        redirect.addFlashAttribute("flash", "support.flash." + action);
        return "redirect:/support/assigned";
    }

    @GetMapping("/support/settings")
    @PreAuthorize("hasRole('SUPPORTER')")
    String settings(@AuthenticationPrincipal AftercareUser me, Model model) {
        model.addAttribute("supporter", roster.of(me.personId()));
        return "support/settings";
    }

    @PostMapping("/support/settings")
    @PreAuthorize("hasRole('SUPPORTER')")
    String saveSettings(@AuthenticationPrincipal AftercareUser me, @RequestParam(defaultValue = "3") int weeklyCapacity,
                        @RequestParam(defaultValue = "") String languages,
                        @RequestParam(defaultValue = "09:00") LocalTime workStart,
                        @RequestParam(defaultValue = "17:00") LocalTime workEnd,
                        @RequestParam(defaultValue = "false") boolean onBreak, RedirectAttributes redirect) {
        roster.save(new Roster.Supporter(me.personId(), Math.max(0, Math.min(50, weeklyCapacity)),
            Arrays.stream(languages.split(",")).map(String::strip).filter(l -> !l.isEmpty() && l.length() <= 30)
                .limit(8).toList(), workStart, workEnd.isAfter(workStart) ? workEnd : workStart.plusHours(1),
            onBreak));
        redirect.addFlashAttribute("flash", "support.flash.settings");
        return "redirect:/support/settings";
    }
}
