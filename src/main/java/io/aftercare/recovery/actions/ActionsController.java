package io.aftercare.recovery.actions;

import java.util.Map;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.aftercare.identity.AftercareUser;
import io.aftercare.shared.DomainException;

/**
 * The "What I'd fix" page of one of the person's own cases: list, add, tick off and untick, edit, delete. Plain
 * forms (no script needed); errors inline next to the field. Another person's case or action is 404.
 */
@Controller
@RequestMapping("/me/cases/{caseId}/actions")
@PreAuthorize("isAuthenticated()")
class ActionsController {

    private static final String PAGE = "recovery/actions";

    private final WhatIdFix actions;

    ActionsController(WhatIdFix actions) {
        this.actions = actions;
    }

    @GetMapping
    String page(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID caseId, Model model) {
        return show(model, me.personId(), caseId, Map.of(), "", "", null);
    }

    @PostMapping
    String add(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID caseId,
               @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String url,
               Model model, RedirectAttributes redirect) {
        try {
            actions.add(me.personId(), caseId, title, url);
        } catch (DomainException.Invalid e) {
            return show(model, me.personId(), caseId, errors(e), title, url, null);
        }
        redirect.addFlashAttribute("flash", "recovery.actions.added");
        return "redirect:/me/cases/" + caseId + "/actions";
    }

    @PostMapping("/{actionId}")
    String edit(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID caseId, @PathVariable UUID actionId,
                @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String url,
                Model model, RedirectAttributes redirect) {
        try {
            actions.change(me.personId(), caseId, actionId, new WhatIdFix.Change(title, url, null));
        } catch (DomainException.Invalid e) {
            model.addAttribute("editTitle", title);
            model.addAttribute("editUrl", url);
            return show(model, me.personId(), caseId, errors(e), "", "", actionId);
        }
        redirect.addFlashAttribute("flash", "recovery.actions.saved");
        return "redirect:/me/cases/" + caseId + "/actions";
    }

    @PostMapping("/{actionId}/done")
    String done(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID caseId, @PathVariable UUID actionId,
                @RequestParam(defaultValue = "true") boolean done) {
        actions.change(me.personId(), caseId, actionId, new WhatIdFix.Change(null, null, done));
        return "redirect:/me/cases/" + caseId + "/actions#action-" + actionId;
    }

    @PostMapping("/{actionId}/delete")
    String delete(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID caseId, @PathVariable UUID actionId,
                  RedirectAttributes redirect) {
        actions.delete(me.personId(), caseId, actionId);
        redirect.addFlashAttribute("flash", "recovery.actions.deleted");
        return "redirect:/me/cases/" + caseId + "/actions";
    }

    private String show(Model model, UUID personId, UUID caseId, Map<String, String> errors, String title,
                        String url, UUID editing) {
        var list = actions.list(personId, caseId);
        model.addAttribute("caseId", caseId);
        model.addAttribute("actions", list);
        model.addAttribute("done", list.stream().filter(WhatIdFix.Action::done).count());
        model.addAttribute("errors", errors);
        // not "title": the layout's own fragment goes by that name
        model.addAttribute("newTitle", title);
        model.addAttribute("newUrl", url);
        model.addAttribute("editing", editing);
        return PAGE;
    }

    /** Message keys for the fields at fault, shown next to each. */
    private static Map<String, String> errors(DomainException.Invalid e) {
        Map<String, String> keys = new java.util.LinkedHashMap<>();
        e.byField().keySet().forEach(field -> keys.put(field, "recovery.actions.error." + field));
        return keys;
    }
}
