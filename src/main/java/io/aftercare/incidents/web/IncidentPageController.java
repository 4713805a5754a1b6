package io.aftercare.incidents.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.aftercare.identity.AftercareUser;
import io.aftercare.identity.Role;
import io.aftercare.incidents.AfterResolving;
import io.aftercare.incidents.IncidentView;
import io.aftercare.incidents.NewIncident;
import io.aftercare.incidents.NewResponder;
import io.aftercare.incidents.ResponderRole;
import io.aftercare.incidents.Severity;
import io.aftercare.incidents.internal.IncidentService;
import io.aftercare.shared.DomainException;
import io.aftercare.shared.FieldErrors;
import io.aftercare.web.TimeFormat;

/**
 * The incident pages: recording one, and one incident with its responders and timeline (the list is
 * {@link IncidentListController}). Every form works
 * without JavaScript and redirects after a successful post; on an error the page is shown again with what was
 * typed and a message next to each field. Error messages are message keys ({@code incidents.error.<field>}).
 */
@Controller
@PreAuthorize("isAuthenticated()")
class IncidentPageController {

    static final String NEW = "incidents/new";
    static final String DETAIL = "incidents/detail";

    private final IncidentService incidents;
    private final DirectoryLists lists;
    private final TimeFormat time;
    private final Clock clock;
    private final List<AfterResolving> afterResolving;

    IncidentPageController(IncidentService incidents, DirectoryLists lists, TimeFormat time, Clock clock,
                           List<AfterResolving> afterResolving) {
        this.incidents = incidents;
        this.lists = lists;
        this.time = time;
        this.clock = clock;
        this.afterResolving = afterResolving;
    }

    @InitBinder
    void allowedFields(WebDataBinder binder) {
        binder.setDisallowedFields("id");
    }

    /** The "record an incident" form as typed. */
    record IncidentForm(String title, String severity, String service, String teamId, String startedAt, String url,
                        String responderId, String responderRole) {
    }

    /** The "add a person" form as typed. */
    record ResponderForm(String personId, String role) {
    }

    /** When it was resolved, as typed; blank for now. */
    record ResolveForm(String resolvedAt) {
    }

    /** The viewer's time zone as people read it ("UTC", "Europe/Berlin"), for the hints next to time inputs. */
    @ModelAttribute("zoneName")
    String zoneName() {
        ZoneId zone = time.zone();
        return zone.normalized().equals(java.time.ZoneOffset.UTC) ? "UTC" : zone.getId();
    }

    @ModelAttribute("severities")
    Severity[] severities() {
        return Severity.values();
    }

    @ModelAttribute("roles")
    ResponderRole[] roles() {
        return ResponderRole.values();
    }

    // --- recording one

    @GetMapping("/incidents/new")
    String newIncident(Model model) {
        model.addAttribute("form", new IncidentForm("", "", "", "", time.inputValue(clock.instant()), "", "",
            ResponderRole.COMMANDER.name()));
        return showNew(model, Map.of());
    }

    private String showNew(Model model, Map<String, String> errors) {
        model.addAttribute("errors", errors);
        model.addAttribute("teams", lists.teams());
        model.addAttribute("people", lists.people());
        return NEW;
    }

    @PostMapping("/incidents")
    String record(@AuthenticationPrincipal AftercareUser me, @ModelAttribute("form") IncidentForm form, Model model,
                  RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        Severity severity = Severity.parse(form.severity()).orElse(null);
        if (severity == null) {
            errors.put("severity", "incidents.error.severity");
        }
        if (form.title() == null || form.title().isBlank()) {
            errors.put("title", "incidents.error.title");
        }
        UUID teamId = blank(form.teamId()) ? null : uuid(form.teamId()).orElse(null);
        if (!blank(form.teamId()) && teamId == null) {
            errors.put("teamId", "incidents.error.teamId");
        }
        Instant startedAt = blank(form.startedAt()) ? null : dateTime(form.startedAt()).orElse(null);
        if (!blank(form.startedAt()) && startedAt == null) {
            errors.put("startedAt", "incidents.error.startedAt");
        }
        List<NewResponder> responders = new ArrayList<>();
        if (!blank(form.responderId())) {
            Optional<UUID> person = uuid(form.responderId());
            Optional<ResponderRole> role = ResponderRole.parse(form.responderRole());
            if (person.isEmpty()) {
                errors.put("responder", "incidents.error.responder");
            }
            if (role.isEmpty()) {
                errors.put("responderRole", "incidents.error.role");
            }
            if (person.isPresent() && role.isPresent()) {
                responders.add(NewResponder.of(person.get(), role.get()));
            }
        }
        if (!errors.isEmpty()) {
            return showNew(model, errors);
        }
        try {
            IncidentView created = incidents.recordByPerson(new NewIncident(null, null, form.title(), severity,
                form.service(), teamId, form.url(), startedAt, responders), actor(me), List.of()).incident();
            redirect.addFlashAttribute("recorded", true);
            return "redirect:/incidents/" + created.id();
        } catch (DomainException.Invalid | DomainException.Conflict | DomainException.NotAllowed e) {
            return showNew(model, messageKeys(e));
        }
    }

    // --- one incident

    @GetMapping("/incidents/{id}")
    String detail(@PathVariable UUID id, Model model) {
        return showDetail(id, model, Map.of(), new ResponderForm("", ResponderRole.RESPONDER.name()), null);
    }

    private String showDetail(UUID id, Model model, Map<String, String> errors, ResponderForm responderForm,
                              String resolvedAt) {
        IncidentView incident = incidents.get(id);
        model.addAttribute("incident", incident);
        model.addAttribute("timeline", incidents.timeline(id));
        model.addAttribute("teamName", incident.teamId() == null ? null : lists.teams().stream()
            .filter(t -> t.id().equals(incident.teamId())).map(DirectoryLists.Option::label).findFirst()
            .orElse(null));
        model.addAttribute("people", lists.people());
        model.addAttribute("responderForm", responderForm);
        model.addAttribute("resolvedAt", resolvedAt != null ? resolvedAt : time.inputValue(clock.instant()));
        model.addAttribute("errors", errors);
        return DETAIL;
    }

    @PostMapping("/incidents/{id}/responders")
    String addResponder(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id,
                        @ModelAttribute ResponderForm responderForm, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<UUID> person = uuid(responderForm.personId());
        Optional<ResponderRole> role = ResponderRole.parse(responderForm.role());
        if (person.isEmpty()) {
            errors.put("responder", "incidents.error.responder");
        }
        if (role.isEmpty()) {
            errors.put("responderRole", "incidents.error.role");
        }
        if (errors.isEmpty()) {
            try {
                incidents.addResponderByPerson(id, NewResponder.of(person.get(), role.get()), actor(me));
                redirect.addFlashAttribute("responderAdded", true);
                return "redirect:/incidents/" + id;
            } catch (DomainException.Invalid | DomainException.Conflict | DomainException.NotAllowed e) {
                errors.putAll(messageKeys(e));
            }
        }
        return showDetail(id, model, errors, responderForm, null);
    }

    @PostMapping("/incidents/{id}/acknowledge")
    String acknowledge(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id, Model model,
                       RedirectAttributes redirect) {
        try {
            incidents.acknowledgeByPerson(id, actor(me));
        } catch (DomainException.NotAllowed e) {
            return showDetail(id, model, messageKeys(e), new ResponderForm("", ResponderRole.RESPONDER.name()),
                null);
        }
        redirect.addFlashAttribute("acknowledged", true);
        return "redirect:/incidents/" + id;
    }

    @PostMapping("/incidents/{id}/resolve")
    String resolve(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id, @ModelAttribute ResolveForm form,
                   Model model, RedirectAttributes redirect) {
        String resolvedAt = form.resolvedAt();
        Instant at = blank(resolvedAt) ? null : dateTime(resolvedAt).orElse(null);
        if (!blank(resolvedAt) && at == null) {
            return showDetail(id, model, Map.of("resolvedAt", "incidents.error.resolvedAt"),
                new ResponderForm("", ResponderRole.RESPONDER.name()), resolvedAt);
        }
        IncidentView resolved;
        try {
            resolved = incidents.resolveByPerson(id, at, actor(me));
        } catch (DomainException.Invalid | DomainException.Conflict | DomainException.NotAllowed e) {
            return showDetail(id, model, messageKeys(e), new ResponderForm("", ResponderRole.RESPONDER.name()),
                resolvedAt);
        }
        redirect.addFlashAttribute("resolved", true);
        // what happens next for its responders, in words that are the same whoever they are and whatever they do
        redirect.addFlashAttribute("afterResolving", afterResolving.stream()
            .flatMap(a -> a.describe(resolved).stream()).toList());
        return "redirect:/incidents/" + id;
    }

    // --- reading what was typed

    private static IncidentService.Actor actor(AftercareUser me) {
        return new IncidentService.Actor(me.personId(), me.has(Role.ADMIN));
    }

    /** The service's field names, as this page's fields, each with its message key. */
    private static Map<String, String> messageKeys(DomainException e) {
        Map<String, String> keys = new LinkedHashMap<>();
        if (e instanceof DomainException.NotAllowed notAllowed) {
            keys.put("form", notAllowed.reason().filter(IncidentService.FROM_INTEGRATION::equals).isPresent()
                ? "incidents.error.fromIntegration" : "incidents.error.notAllowed");
            return keys;
        }
        FieldErrors.of(e).keySet().forEach(field -> {
            String f = field.startsWith("responders[") || field.equals("personId") || field.equals("email")
                ? "responder" : field.equals("role") ? "responderRole" : field;
            keys.putIfAbsent(f, switch (f) {
                case "title", "severity", "service", "teamId", "url", "responder", "acknowledgedAt" ->
                    "incidents.error." + f;
                case "startedAt", "resolvedAt" -> FieldErrors.of(e).get(field).contains("days")
                    ? "incidents.error.tooOld" : "incidents.error." + f;
                case "responderRole" -> "incidents.error.role";
                default -> "incidents.error.form";
            });
        });
        if (keys.containsKey("form") || keys.values().stream().anyMatch("incidents.error.form"::equals)) {
            keys.put("form", "incidents.error.form");
        }
        return keys;
    }

    private Optional<Instant> dateTime(String value) {
        return FormValues.dateTime(value, time.zone());
    }

    private static Optional<UUID> uuid(String value) {
        return FormValues.uuid(value);
    }

    private static boolean blank(String value) {
        return FormValues.blank(value);
    }
}
