package io.aftercare.directory.rotation;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.aftercare.directory.PersonRef;
import io.aftercare.directory.TeamRef;
import io.aftercare.directory.person.PersonRepository;
import io.aftercare.directory.rotation.RotationService.OverrideInput;
import io.aftercare.directory.rotation.RotationService.RotationInput;
import io.aftercare.directory.setup.TimeZones;
import io.aftercare.directory.team.TeamRepository;
import io.aftercare.identity.AftercareUser;
import io.aftercare.shared.FieldErrors;
import io.aftercare.shared.DomainException;
import io.aftercare.web.TimeFormat;

/** Creating and changing a team's rotations and overrides: for admins and the team's leads. */
@Controller
class RotationPageController {

    static final String FORM = "directory/rotations/form";
    /** Free places in the order list beyond the current members, so people can be added without scripts. */
    static final int EXTRA_SLOTS = 3;

    private final RotationService rotations;
    private final TeamRepository teams;
    private final PersonRepository people;
    private final TimeFormat time;

    RotationPageController(RotationService rotations, TeamRepository teams, PersonRepository people,
                           TimeFormat time) {
        this.rotations = rotations;
        this.teams = teams;
        this.people = people;
        this.time = time;
    }

    /** The rotation form, as typed: shift length in whole hours; the order as one person per place. */
    record RotationForm(String name, List<String> members, String shiftHours, String handoffTime, String timeZone,
                        String startsOn) {

        static RotationForm empty(ZoneId zone) {
            return new RotationForm("", List.of(), "168", "09:00", zone.getId(),
                java.time.LocalDate.now(zone).toString());
        }

        static RotationForm of(Rotation r) {
            return new RotationForm(r.name(), r.members().stream().map(UUID::toString).toList(),
                Integer.toString(r.shiftHours()), r.handoffTime().toString(), r.zone().getId(),
                r.startsOn().toString());
        }

        RotationInput input(List<String> errors) {
            List<UUID> ids = new ArrayList<>();
            for (String m : members == null ? List.<String>of() : members) {
                if (m != null && !m.isBlank()) {
                    try {
                        ids.add(UUID.fromString(m.trim()));
                    } catch (IllegalArgumentException e) {
                        errors.add("members");
                    }
                }
            }
            String shift;
            try {
                shift = "PT" + Integer.parseInt(shiftHours == null ? "" : shiftHours.trim()) + "H";
            } catch (NumberFormatException e) {
                shift = "not a number";
            }
            return new RotationInput(name, ids, shift, handoffTime, timeZone, startsOn);
        }

        public String slot(int i) {
            return members != null && i < members.size() ? members.get(i) : "";
        }
    }

    @ModelAttribute("zones")
    List<String> zones() {
        return TimeZones.ALL;
    }

    @GetMapping("/teams/{teamId}/rotations/new")
    @PreAuthorize("@teamAccess.canManage(authentication, #teamId)")
    String newRotation(@PathVariable UUID teamId, Model model) {
        return form(model, team(teamId), null, RotationForm.empty(time.zone()), Map.of());
    }

    @PostMapping("/teams/{teamId}/rotations")
    @PreAuthorize("@teamAccess.canManage(authentication, #teamId)")
    String create(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID teamId,
                  @ModelAttribute("form") RotationForm form, Model model, RedirectAttributes redirect) {
        TeamRef team = team(teamId);
        try {
            Rotation r = rotations.create(teamId, form.input(new ArrayList<>()), me.personId());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/teams/" + teamId + "/rotations/" + r.id();
        } catch (DomainException.Invalid e) {
            return form(model, team, null, form, shiftErrors(e.byField()));
        }
    }

    @GetMapping("/teams/{teamId}/rotations/{rotationId}")
    @PreAuthorize("@teamAccess.canManage(authentication, #teamId)")
    String edit(@PathVariable UUID teamId, @PathVariable UUID rotationId, Model model) {
        Rotation r = rotations.get(teamId, rotationId);
        return form(model, team(teamId), r, RotationForm.of(r), Map.of());
    }

    @PostMapping("/teams/{teamId}/rotations/{rotationId}")
    @PreAuthorize("@teamAccess.canManage(authentication, #teamId)")
    String update(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID teamId, @PathVariable UUID rotationId,
                  @ModelAttribute("form") RotationForm form, Model model, RedirectAttributes redirect) {
        Rotation existing = rotations.get(teamId, rotationId);
        try {
            rotations.update(teamId, rotationId, form.input(new ArrayList<>()), me.personId());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/teams/" + teamId + "/rotations/" + rotationId;
        } catch (DomainException.Invalid e) {
            return form(model, team(teamId), existing, form, shiftErrors(e.byField()));
        }
    }

    @PostMapping("/teams/{teamId}/rotations/{rotationId}/delete")
    @PreAuthorize("@teamAccess.canManage(authentication, #teamId)")
    String delete(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID teamId, @PathVariable UUID rotationId,
                  RedirectAttributes redirect) {
        rotations.delete(teamId, rotationId, me.personId());
        redirect.addFlashAttribute("rotationDeleted", true);
        return "redirect:/teams/" + teamId;
    }

    /** What the form for a cover sends: who, and local start and end times; a time left out is empty. */
    record OverrideForm(UUID personId, String startsAt, String endsAt) {
        OverrideForm {
            startsAt = startsAt == null ? "" : startsAt;
            endsAt = endsAt == null ? "" : endsAt;
        }
    }

    @PostMapping("/teams/{teamId}/rotations/{rotationId}/overrides")
    @PreAuthorize("@teamAccess.canManage(authentication, #teamId)")
    String addOverride(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID teamId,
                       @PathVariable UUID rotationId, @ModelAttribute OverrideForm form, RedirectAttributes redirect) {
        try {
            rotations.addOverride(teamId, rotationId,
                new OverrideInput(form.personId(), local(form.startsAt()), local(form.endsAt())), me.personId());
            redirect.addFlashAttribute("overrideAdded", true);
        } catch (DomainException.Invalid e) {
            redirect.addFlashAttribute("overrideErrors", e.byField());
            redirect.addFlashAttribute("overrideForm", Map.of("personId",
                form.personId() == null ? "" : form.personId().toString(), "startsAt", form.startsAt(),
                "endsAt", form.endsAt()));
        }
        return "redirect:/teams/" + teamId + "/rotations/" + rotationId;
    }

    @PostMapping("/teams/{teamId}/rotations/{rotationId}/overrides/{overrideId}/delete")
    @PreAuthorize("@teamAccess.canManage(authentication, #teamId)")
    String deleteOverride(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID teamId,
                          @PathVariable UUID rotationId, @PathVariable UUID overrideId, RedirectAttributes redirect) {
        rotations.deleteOverride(teamId, rotationId, overrideId, me.personId());
        redirect.addFlashAttribute("overrideRemoved", true);
        return "redirect:/teams/" + teamId + "/rotations/" + rotationId;
    }

    /** A {@code datetime-local} value in the viewer's zone, as an ISO instant (or as typed, for the error). */
    private String local(String value) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.trim()).atZone(time.zone()).toOffsetDateTime().toString();
        } catch (DateTimeException e) {
            return value;
        }
    }

    /** The form asks for hours, so the API's message about ISO durations is put in its words. */
    private static Map<String, String> shiftErrors(Map<String, String> errors) {
        if (!errors.containsKey("shiftLength")) {
            return errors;
        }
        Map<String, String> copy = new java.util.LinkedHashMap<>(errors);
        copy.put("shiftLength", "rotation.shift.invalid");
        return copy;
    }

    private TeamRef team(UUID teamId) {
        return teams.find(teamId).orElseThrow(() -> DomainException.notFound("The team " + teamId));
    }

    private String form(Model model, TeamRef team, Rotation rotation, RotationForm form, Map<String, String> errors) {
        Set<UUID> ids = new java.util.HashSet<>(team.members());
        if (rotation != null) {
            ids.addAll(rotation.members());
            rotation.overrides().forEach(o -> ids.add(o.personId()));
        }
        Map<UUID, PersonRef> byId = people.findAll(ids).stream()
            .collect(Collectors.toMap(PersonRef::id, Function.identity()));
        List<PersonRef> choices = byId.values().stream()
            .sorted(java.util.Comparator.comparing(PersonRef::name, String.CASE_INSENSITIVE_ORDER)).toList();
        int slots = Math.max(team.members().size(), form.members() == null ? 0 : form.members().size()) + EXTRA_SLOTS;
        model.addAttribute("team", team);
        model.addAttribute("rotation", rotation);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("people", byId);
        model.addAttribute("choices", choices);
        model.addAttribute("slots", java.util.stream.IntStream.range(0, slots).boxed().toList());
        if (!model.containsAttribute("overrideErrors")) {
            model.addAttribute("overrideErrors", Map.of());
        }
        if (!model.containsAttribute("overrideForm")) {
            model.addAttribute("overrideForm", Map.of("personId", "", "startsAt", "", "endsAt", ""));
        }
        return FORM;
    }
}
