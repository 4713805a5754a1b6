package io.aftercare.intake.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.aftercare.directory.Directory;
import io.aftercare.identity.AftercareUser;
import io.aftercare.intake.delivery.Deliveries;
import io.aftercare.intake.delivery.UnmatchedIdentities;
import io.aftercare.intake.integration.Integration;
import io.aftercare.intake.integration.IntegrationType;
import io.aftercare.intake.integration.Integrations;
import io.aftercare.shared.DomainException;
import io.aftercare.shared.FieldErrors;

/** Admin pages: integrations with their set-up steps and delivery log, and mapping unmatched people. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class IntegrationPageController {

    static final String LIST = "intake/list";
    static final String SHOW = "intake/show";
    static final String UNMATCHED = "intake/unmatched";
    /** How many set-up steps each tool's instructions have in messages/intake.properties. */
    static final Map<IntegrationType, Integer> STEPS = Map.of(IntegrationType.PAGERDUTY, 5,
        IntegrationType.OPSGENIE, 4, IntegrationType.ALERTMANAGER, 3, IntegrationType.INCIDENTIO, 5,
        IntegrationType.GRAFANA_ONCALL, 4, IntegrationType.GENERIC, 3);

    private final Integrations integrations;
    private final Deliveries deliveries;
    private final UnmatchedIdentities unmatched;
    private final Directory directory;

    IntegrationPageController(Integrations integrations, Deliveries deliveries, UnmatchedIdentities unmatched,
                              Directory directory) {
        this.integrations = integrations;
        this.deliveries = deliveries;
        this.unmatched = unmatched;
        this.directory = directory;
    }

    @GetMapping("/integrations")
    String list(Model model) {
        model.addAttribute("integrations", integrations.list());
        model.addAttribute("types", IntegrationType.values());
        model.addAttribute("unmatchedCount", unmatched.list(true).size());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
            model.addAttribute("name", "");
            model.addAttribute("type", "");
        }
        return LIST;
    }

    /** What the form for a new integration sends; a field left out is empty. */
    record IntegrationForm(String type, String name, String secret) {
        IntegrationForm {
            type = type == null ? "" : type;
            name = name == null ? "" : name;
            secret = secret == null ? "" : secret;
        }
    }

    @PostMapping("/integrations")
    String create(@AuthenticationPrincipal AftercareUser me, @ModelAttribute IntegrationForm form, Model model,
                  RedirectAttributes redirect) {
        try {
            var created = integrations.create(form.type(), form.name(), null, form.secret(), me.personId());
            redirect.addFlashAttribute("newSecret", created.secret());
            return "redirect:/integrations/" + created.integration().id();
        } catch (DomainException.Invalid e) {
            model.addAttribute("errors", FieldErrors.of(e));
            model.addAttribute("name", form.name());
            model.addAttribute("type", form.type());
            return list(model);
        }
    }

    @GetMapping("/integrations/{id}")
    String show(@PathVariable UUID id, Model model) {
        Integration i = integrations.get(id);
        model.addAttribute("integration", i);
        model.addAttribute("webhookUrl", integrations.webhookUrl(i));
        model.addAttribute("steps", IntStream.rangeClosed(1, STEPS.get(i.type()))
            .mapToObj(n -> "intake.setup." + i.type().slug() + "." + n).toList());
        model.addAttribute("snippet", snippet(i, integrations.webhookUrl(i)));
        model.addAttribute("deliveries", deliveries.recent(id, 50));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return SHOW;
    }

    /** A new signing secret; empty to have one made. */
    record SecretForm(String secret) {
        SecretForm {
            secret = secret == null ? "" : secret;
        }
    }

    @PostMapping("/integrations/{id}/secret")
    String rotate(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id, @ModelAttribute SecretForm form,
                  Model model, RedirectAttributes redirect) {
        try {
            var rotated = integrations.rotate(id, form.secret(), me.personId());
            redirect.addFlashAttribute("newSecret", rotated.secret());
            redirect.addFlashAttribute("rotated", true);
            return "redirect:/integrations/" + id;
        } catch (DomainException.Invalid e) {
            model.addAttribute("errors", FieldErrors.of(e));
            return show(id, model);
        }
    }

    @PostMapping("/integrations/{id}/delete")
    String delete(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id, RedirectAttributes redirect) {
        integrations.delete(id, me.personId());
        redirect.addFlashAttribute("deleted", true);
        return "redirect:/integrations";
    }

    @GetMapping("/integrations/unmatched")
    String unmatched(Model model) {
        model.addAttribute("identities", unmatched.list(true));
        model.addAttribute("people", people());
        return UNMATCHED;
    }

    /** Whom an identity Aftercare did not know belongs to. */
    record MapForm(UUID personId) {
    }

    @PostMapping("/integrations/unmatched/{id}")
    String map(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id, @ModelAttribute MapForm form,
               BindingResult binding, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            // not one of the people offered: the same as choosing no one
            redirect.addFlashAttribute("mapError", id);
            return "redirect:/integrations/unmatched";
        }
        try {
            int added = unmatched.map(id, form.personId(), me.personId());
            redirect.addFlashAttribute("mapped", added);
        } catch (DomainException.Invalid | DomainException.Conflict | DomainException.NotAllowed e) {
            redirect.addFlashAttribute("mapError", id);
        }
        return "redirect:/integrations/unmatched";
    }

    record Option(UUID id, String label) {
    }

    /** The people to choose from, as the directory lists them. */
    List<Option> people() {
        return directory.everyone(2000).stream().map(p -> new Option(p.id(), p.name() + " (" + p.email() + ")"))
            .toList();
    }

    /** A ready-to-paste configuration for the tools that take one. */
    static String snippet(Integration i, String url) {
        return switch (i.type()) {
            case ALERTMANAGER -> """
                receivers:
                  - name: aftercare
                    webhook_configs:
                      - url: %s
                        send_resolved: true
                        http_config:
                          authorization:
                            type: Bearer
                            credentials: <the secret shown when the integration was made>
                """.formatted(url);
            case GENERIC -> """
                curl -X POST %s \\
                  -H 'Content-Type: application/json' \\
                  -H 'Authorization: Bearer <the secret>' \\
                  -d '{"externalId":"deploy-42","status":"triggered","title":"Deploy failed","severity":"SEV3"}'
                """.formatted(url);
            default -> null;
        };
    }
}
