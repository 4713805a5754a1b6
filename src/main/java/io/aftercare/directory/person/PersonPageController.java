package io.aftercare.directory.person;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.aftercare.directory.NewPerson;
import io.aftercare.directory.PersonRef;
import io.aftercare.directory.team.TeamRepository;
import io.aftercare.identity.AftercareUser;
import io.aftercare.identity.AuditLog;
import io.aftercare.identity.Role;
import io.aftercare.shared.DomainException;
import io.aftercare.shared.FieldErrors;
import io.aftercare.shared.PageRequest;
import io.aftercare.shared.Problems.FieldError;

/** The admin's people pages: list and search, add, change, roles, invitation link or password reset, remove. */
@Controller
class PersonPageController {

    static final String LIST = "directory/people/list";
    static final String FORM = "directory/people/form";
    static final int PAGE_SIZE = 25;
    static final List<String> PROVIDERS = List.of("pagerduty", "opsgenie", "slack", "incidentio");

    private final PersonService people;
    private final TeamRepository teams;
    private final AuditLog audit;
    private final ObjectProvider<JavaMailSender> mail;

    PersonPageController(PersonService people, TeamRepository teams, AuditLog audit,
                         ObjectProvider<JavaMailSender> mail) {
        this.audit = audit;
        this.mail = mail;
        this.people = people;
        this.teams = teams;
    }

    @InitBinder
    void initBinder(WebDataBinder binder) {
        binder.setDisallowedFields("id");
    }

    /** What the person form posts; every value kept as typed so that it can be shown again with the errors. */
    record PersonForm(String name, String email, String timeZone, String quietStart, String quietEnd,
                      List<String> weekendDays, List<UUID> teams, List<String> roles, String managerId,
                      String pagerduty, String opsgenie, String slack, String incidentio, String otherIdentities) {

        static PersonForm empty() {
            return new PersonForm("", "", "UTC", "21:00", "08:00", List.of("SATURDAY", "SUNDAY"), List.of(),
                List.of("RESPONDER"), "", "", "", "", "", "");
        }

        static PersonForm of(PersonService.PersonDetails d) {
            PersonRef p = d.person();
            Map<String, String> ids = new TreeMap<>(p.externalIdentities());
            StringBuilder other = new StringBuilder();
            ids.forEach((provider, id) -> {
                if (!PROVIDERS.contains(provider)) {
                    other.append(provider).append(": ").append(id).append('\n');
                }
            });
            return new PersonForm(p.name(), p.email(), p.timeZone().getId(), PersonJson.HH_MM.format(p.quietStart()),
                PersonJson.HH_MM.format(p.quietEnd()), p.weekendDays().stream().map(DayOfWeek::name).toList(),
                d.teams(), d.roles().stream().map(Role::name).toList(),
                p.managerId() == null ? "" : p.managerId().toString(), ids.getOrDefault("pagerduty", ""),
                ids.getOrDefault("opsgenie", ""), ids.getOrDefault("slack", ""), ids.getOrDefault("incidentio", ""),
                other.toString().strip());
        }

        public boolean weekend(String day) {
            return weekendDays != null && weekendDays.contains(day);
        }

        public boolean inTeam(UUID team) {
            return teams != null && teams.contains(team);
        }

        public boolean hasRole(String role) {
            return roles != null && roles.contains(role);
        }

        NewPerson toNewPerson(List<FieldError> errors) {
            LocalTime start = PersonJson.time("quietStart", quietStart, errors);
            LocalTime end = PersonJson.time("quietEnd", quietEnd, errors);
            Map<String, String> identities = new LinkedHashMap<>();
            identities.put("pagerduty", pagerduty);
            identities.put("opsgenie", opsgenie);
            identities.put("slack", slack);
            identities.put("incidentio", incidentio);
            if (otherIdentities != null) {
                for (String line : otherIdentities.split("\\R")) {
                    if (line.isBlank()) {
                        continue;
                    }
                    int colon = line.indexOf(':');
                    if (colon <= 0) {
                        errors.add(new FieldError("otherIdentities", "lines must look like name: id"));
                        break;
                    }
                    identities.put(line.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT),
                        line.substring(colon + 1).trim());
                }
            }
            UUID manager = null;
            if (managerId != null && !managerId.isBlank()) {
                try {
                    manager = UUID.fromString(managerId.trim());
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError("managerId", "is not a person in the directory"));
                }
            }
            return new NewPerson(name, email, timeZone, start, end,
                PersonJson.days(weekendDays == null ? List.of() : weekendDays, errors), identities, manager,
                PersonJson.roles(roles == null ? List.of() : roles, errors), teams == null ? List.of() : teams, null);
        }
    }

    /** Whether Aftercare can send e-mail at all: without it, the admin passes on invitation links themselves. */
    @ModelAttribute("mailConfigured")
    boolean mailConfigured() {
        return mail.getIfAvailable() != null;
    }

    @ModelAttribute("zones")
    List<String> zones() {
        return io.aftercare.directory.setup.TimeZones.ALL;
    }

    @GetMapping("/people")
    @PreAuthorize("hasRole('ADMIN')")
    String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        var result = people.search(q, PageRequest.of(Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("result", result);
        model.addAttribute("pages", Math.max(1, (result.total() + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("teamNames", teamNames());
        return LIST;
    }

    @GetMapping("/people/new")
    @PreAuthorize("hasRole('ADMIN')")
    String newPerson(Model model) {
        return form(model, PersonForm.empty(), Map.of(), null);
    }

    @PostMapping("/people")
    @PreAuthorize("hasRole('ADMIN')")
    String create(@AuthenticationPrincipal AftercareUser me, @ModelAttribute("form") PersonForm form, Model model,
                  RedirectAttributes redirect) {
        List<FieldError> errors = new ArrayList<>();
        try {
            PersonRef created = people.create(form.toNewPerson(errors), me.personId(), errors);
            redirect.addFlashAttribute("created", true);
            return "redirect:/people/" + created.id();
        } catch (DomainException.Invalid | DomainException.Conflict e) {
            return form(model, form, FieldErrors.of(e), null);
        }
    }

    @GetMapping("/people/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    String show(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id, Model model) {
        var details = people.details(id);
        audit.record(me.personId(), id, "person.viewed", "person:" + id, null);
        return form(model, PersonForm.of(details), Map.of(), details);
    }

    @PostMapping("/people/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    String update(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id,
                  @ModelAttribute("form") PersonForm form, Model model, RedirectAttributes redirect) {
        var details = people.details(id);
        List<FieldError> errors = new ArrayList<>();
        try {
            people.update(id, form.toNewPerson(errors), me.personId(), errors);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/people/" + id;
        } catch (DomainException.Invalid | DomainException.Conflict e) {
            return form(model, form, FieldErrors.of(e), details);
        }
    }

    /** The roles ticked on a person's page; none ticked is a responder only. */
    record RolesForm(List<String> roles) {
        RolesForm {
            roles = roles == null ? List.of() : roles;
        }
    }

    @PostMapping("/people/{id}/roles")
    @PreAuthorize("hasRole('ADMIN')")
    String roles(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id, @ModelAttribute RolesForm form,
                 RedirectAttributes redirect) {
        List<FieldError> errors = new ArrayList<>();
        var parsed = PersonJson.roles(form.roles(), errors);
        try {
            if (errors.isEmpty()) {
                people.setRoles(id, parsed, me.personId());
                redirect.addFlashAttribute("rolesSaved", true);
            }
        } catch (DomainException.Conflict e) {
            redirect.addFlashAttribute("rolesError", e.getMessage());
        }
        return "redirect:/people/" + id;
    }

    @PostMapping("/people/{id}/invitation")
    @PreAuthorize("hasRole('ADMIN')")
    String invite(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("invitationLink", people.invite(id, me.personId()));
        } catch (DomainException.Conflict | DomainException.Unavailable e) {
            redirect.addFlashAttribute("accountError", e.getMessage());
        }
        return "redirect:/people/" + id;
    }

    @PostMapping("/people/{id}/password-reset")
    @PreAuthorize("hasRole('ADMIN')")
    String sendPasswordReset(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id,
                             RedirectAttributes redirect) {
        try {
            people.sendPasswordReset(id, me.personId());
            redirect.addFlashAttribute("resetSent", true);
        } catch (DomainException.Conflict | DomainException.Unavailable e) {
            redirect.addFlashAttribute("accountError", e.getMessage());
        }
        return "redirect:/people/" + id;
    }

    @PostMapping("/people/{id}/delete")
    @PreAuthorize("hasRole('ADMIN')")
    String delete(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id,
                  @RequestParam(defaultValue = "") String confirmation, RedirectAttributes redirect) {
        PersonRef person = people.find(id);
        if (!PersonRules.normalizeEmail(confirmation).equals(PersonRules.normalizeEmail(person.email()))) {
            redirect.addFlashAttribute("eraseConfirmationError", true);
            return "redirect:/people/" + id;
        }
        try {
            people.delete(id, me.personId());
        } catch (DomainException.Conflict e) {
            redirect.addFlashAttribute("deleteError", e.getMessage());
            return "redirect:/people/" + id;
        }
        redirect.addFlashAttribute("deleted", person.name());
        return "redirect:/people";
    }

    private String form(Model model, PersonForm form, Map<String, String> errors, PersonService.PersonDetails person) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("person", person);
        model.addAttribute("teams", teams.names());
        model.addAttribute("everyone", people.everyone().stream()
            .filter(p -> person == null || !p.id().equals(person.person().id())).toList());
        model.addAttribute("days", EnumSet.allOf(DayOfWeek.class).stream().map(DayOfWeek::name).toList());
        model.addAttribute("allRoles", EnumSet.allOf(Role.class).stream().map(Role::name).toList());
        model.addAttribute("providers", PROVIDERS);
        return FORM;
    }

    private Map<UUID, String> teamNames() {
        Map<UUID, String> names = new LinkedHashMap<>();
        teams.names().forEach(t -> names.put(t.id(), t.name()));
        return names;
    }
}
