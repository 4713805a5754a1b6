package io.aftercare.notify.webhooks;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.aftercare.identity.AftercareUser;
import io.aftercare.shared.DomainException;

/** Admin pages: webhook subscriptions, the secret shown once, and each one's delivery log. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class WebhookPageController {

    static final String LIST = "notify/webhooks";
    static final String SHOW = "notify/webhook";

    private final WebhookSubscriptions subscriptions;

    WebhookPageController(WebhookSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    private static List<String> allEvents() {
        return Arrays.stream(WebhookEventType.values()).map(WebhookEventType::code).toList();
    }

    @GetMapping("/admin/webhooks")
    String list(Model model) {
        model.addAttribute("subscriptions", subscriptions.list());
        model.addAttribute("allEvents", allEvents());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
            model.addAttribute("name", "");
            model.addAttribute("url", "");
            model.addAttribute("chosen", List.of());
        }
        return LIST;
    }

    /** What the form for a new subscription sends; a field left out is empty. */
    record WebhookForm(String name, String url, List<String> events) {
        WebhookForm {
            name = name == null ? "" : name;
            url = url == null ? "" : url;
            events = events == null ? List.of() : events;
        }
    }

    @PostMapping("/admin/webhooks")
    String create(@AuthenticationPrincipal AftercareUser me, @ModelAttribute WebhookForm form, Model model,
                  RedirectAttributes redirect) {
        try {
            var created = subscriptions.create(form.name(), form.url(), form.events(), true, me.personId());
            redirect.addFlashAttribute("newSecret", created.secret());
            return "redirect:/admin/webhooks/" + created.subscription().id();
        } catch (DomainException.Invalid e) {
            model.addAttribute("errors", e.byField());
            model.addAttribute("name", form.name());
            model.addAttribute("url", form.url());
            model.addAttribute("chosen", form.events());
            return list(model);
        }
    }

    @GetMapping("/admin/webhooks/{id}")
    String show(@PathVariable UUID id, Model model) {
        model.addAttribute("subscription", subscriptions.get(id));
        model.addAttribute("attempts", subscriptions.log(id));
        model.addAttribute("allEvents", allEvents());
        return SHOW;
    }

    /** Switching a subscription on or off; a form without the field switches it off. */
    record EnabledForm(Boolean enabled) {
        boolean on() {
            return Boolean.TRUE.equals(enabled);
        }
    }

    @PostMapping("/admin/webhooks/{id}")
    String update(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id, @ModelAttribute EnabledForm form,
                  RedirectAttributes redirect) {
        subscriptions.update(id, null, null, null, form.on(), me.personId());
        redirect.addFlashAttribute("flash", form.on() ? "notify.webhooks.switchedOn" : "notify.webhooks.switchedOff");
        return "redirect:/admin/webhooks/" + id;
    }

    @PostMapping("/admin/webhooks/{id}/delete")
    String delete(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id, RedirectAttributes redirect) {
        subscriptions.delete(id, me.personId());
        redirect.addFlashAttribute("flash", "notify.webhooks.deleted");
        return "redirect:/admin/webhooks";
    }
}
