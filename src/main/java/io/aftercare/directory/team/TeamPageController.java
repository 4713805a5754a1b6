package io.aftercare.directory.team;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.aftercare.directory.PersonRef;
import io.aftercare.directory.TeamRef;
import io.aftercare.directory.person.PersonRepository;
import io.aftercare.directory.rotation.OnCallCalculator;
import io.aftercare.directory.rotation.Rotation;
import io.aftercare.directory.rotation.RotationService;
import io.aftercare.directory.team.TeamService.TeamInput;
import io.aftercare.identity.AftercareUser;
import io.aftercare.identity.Role;
import io.aftercare.shared.DomainException;
import io.aftercare.shared.FieldErrors;
import io.aftercare.shared.PageRequest;

/** Teams for everyone: the list, a team's people and rotations with who is on call; admins change teams. */
@Controller
class TeamPageController {

    static final String LIST = "directory/teams/list";
    static final String NEW = "directory/teams/new";
    static final String SHOW = "directory/teams/show";

    private final TeamService teams;
    private final TeamRepository repository;
    private final TeamAccess access;
    private final PersonRepository people;
    private final RotationService rotations;
    private final Clock clock;

    TeamPageController(TeamService teams, TeamRepository repository, TeamAccess access, PersonRepository people,
                       RotationService rotations, Clock clock) {
        this.teams = teams;
        this.repository = repository;
        this.access = access;
        this.people = people;
        this.rotations = rotations;
        this.clock = clock;
    }

    /** A rotation on the team page: who is on call now, and who takes over when. */
    record RotationNow(Rotation rotation, PersonRef onCall, boolean overridden, Instant nextHandoff,
                       PersonRef next) {
    }

    /** A team's name, as typed on the new-team and rename forms. */
    record NameForm(String name) {
        NameForm {
            name = name == null ? "" : name;
        }
    }

    /** Someone to add to the team, and whether as a lead (the box sends "yes"). */
    record MemberForm(UUID personId, Boolean lead) {
        boolean asLead() {
            return Boolean.TRUE.equals(lead);
        }
    }

    @GetMapping("/teams")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        var result = repository.page(PageRequest.of(Math.max(page, 0), 100));
        model.addAttribute("result", result);
        model.addAttribute("people", peopleById(result.items().stream().flatMap(t -> t.leads().stream()).toList()));
        model.addAttribute("pages", Math.max(1, (result.total() + 99) / 100));
        return LIST;
    }

    @GetMapping("/teams/new")
    @PreAuthorize("hasRole('ADMIN')")
    String newTeam(Model model) {
        model.addAttribute("name", "");
        model.addAttribute("errors", Map.of());
        return NEW;
    }

    @PostMapping("/teams")
    @PreAuthorize("hasRole('ADMIN')")
    String create(@AuthenticationPrincipal AftercareUser me, @ModelAttribute NameForm form, Model model,
                  RedirectAttributes redirect) {
        try {
            TeamRef team = teams.create(new TeamInput(form.name(), List.of(), List.of()), me.personId());
            redirect.addFlashAttribute("created", true);
            return "redirect:/teams/" + team.id();
        } catch (DomainException.Invalid | DomainException.Conflict e) {
            model.addAttribute("name", form.name());
            model.addAttribute("errors", FieldErrors.of(e));
            return NEW;
        }
    }

    @GetMapping("/teams/{id}")
    String show(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id, Model model) {
        TeamRef team = teams.get(id);
        List<Rotation> list = rotations.ofTeam(id);
        Set<UUID> ids = new HashSet<>(team.members());
        list.forEach(r -> {
            ids.addAll(r.members());
            r.overrides().forEach(o -> ids.add(o.personId()));
        });
        Map<UUID, PersonRef> byId = peopleById(ids);
        Instant now = clock.instant();
        List<RotationNow> rotationsNow = new ArrayList<>();
        for (Rotation r : list) {
            var onCall = OnCallCalculator.onCallAt(r, now);
            var scheduled = OnCallCalculator.scheduledShift(r, now).map(OnCallCalculator.Shift::personId);
            rotationsNow.add(new RotationNow(r, onCall.map(byId::get).orElse(null),
                onCall.isPresent() && !onCall.equals(scheduled), r.members().isEmpty() ? null
                : OnCallCalculator.nextHandoff(r, now), OnCallCalculator.nextPerson(r, now).map(byId::get).orElse(null)));
        }
        model.addAttribute("team", team);
        model.addAttribute("people", byId);
        model.addAttribute("rotations", rotationsNow);
        // leading this team (set on this page) is what opens its rotations and its care page; the LEAD role is not
        model.addAttribute("canManage", access.canManage(me, id));
        model.addAttribute("isLead", team.leads().contains(me.personId()));
        model.addAttribute("isAdmin", me.has(Role.ADMIN));
        // the team's month after incidents, for the group only: its leads, coordinators and admins
        model.addAttribute("canSeeInsight", team.leads().contains(me.personId()) || me.has(Role.COORDINATOR)
            || me.has(Role.ADMIN));
        if (me.has(Role.ADMIN)) {
            model.addAttribute("everyone", people.findWhere("1 = 1").stream()
                .filter(p -> !team.members().contains(p.id())).toList());
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        if (!model.containsAttribute("name")) {
            model.addAttribute("name", team.name());
        }
        return SHOW;
    }

    @PostMapping("/teams/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    String rename(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id,
                  @ModelAttribute NameForm form, RedirectAttributes redirect) {
        TeamRef team = teams.get(id);
        try {
            teams.update(id, new TeamInput(form.name(), team.leads(), team.members()), me.personId());
            redirect.addFlashAttribute("saved", true);
        } catch (DomainException.Invalid | DomainException.Conflict e) {
            redirect.addFlashAttribute("errors", FieldErrors.of(e));
            redirect.addFlashAttribute("name", form.name());
        }
        return "redirect:/teams/" + id;
    }

    @PostMapping("/teams/{id}/members")
    @PreAuthorize("hasRole('ADMIN')")
    String addMember(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id,
                     @ModelAttribute MemberForm form, BindingResult binding, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            // not one of the people offered: the same as choosing no one
            redirect.addFlashAttribute("memberError", true);
            return "redirect:/teams/" + id;
        }
        try {
            teams.addMember(id, form.personId(), form.asLead(), me.personId());
            redirect.addFlashAttribute("saved", true);
        } catch (DomainException.Invalid | DomainException.Conflict e) {
            redirect.addFlashAttribute("memberError", true);
        }
        return "redirect:/teams/" + id;
    }

    @PostMapping("/teams/{id}/members/{personId}/remove")
    @PreAuthorize("hasRole('ADMIN')")
    String removeMember(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id, @PathVariable UUID personId,
                        RedirectAttributes redirect) {
        teams.removeMember(id, personId, me.personId());
        redirect.addFlashAttribute("saved", true);
        return "redirect:/teams/" + id;
    }

    @PostMapping("/teams/{id}/members/{personId}/lead")
    @PreAuthorize("hasRole('ADMIN')")
    String toggleLead(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id, @PathVariable UUID personId,
                      RedirectAttributes redirect) {
        TeamRef team = teams.get(id);
        List<UUID> leads = new ArrayList<>(team.leads());
        if (!leads.remove(personId) && team.members().contains(personId)) {
            leads.add(personId);
        }
        teams.update(id, new TeamInput(team.name(), leads, team.members()), me.personId());
        redirect.addFlashAttribute("saved", true);
        return "redirect:/teams/" + id;
    }

    @PostMapping("/teams/{id}/delete")
    @PreAuthorize("hasRole('ADMIN')")
    String delete(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id, RedirectAttributes redirect) {
        TeamRef team = teams.get(id);
        teams.delete(id, me.personId());
        redirect.addFlashAttribute("deleted", team.name());
        return "redirect:/teams";
    }

    private Map<UUID, PersonRef> peopleById(Collection<UUID> ids) {
        return people.findAll(Set.copyOf(ids)).stream().collect(Collectors.toMap(PersonRef::id, Function.identity()));
    }
}
