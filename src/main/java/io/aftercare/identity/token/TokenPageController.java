package io.aftercare.identity.token;

import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.aftercare.identity.AftercareUser;

/** "API tokens" under the person's settings: create (shown once), list, revoke. */
@Controller
class TokenPageController {

    private static final String VIEW = "identity/tokens";

    private final ApiTokens tokens;

    TokenPageController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/settings/tokens")
    String list(@AuthenticationPrincipal AftercareUser me, Model model) {
        model.addAttribute("tokens", tokens.list(me.personId()));
        if (!model.containsAttribute("name")) {
            model.addAttribute("name", "");
        }
        return VIEW;
    }

    @PostMapping("/settings/tokens")
    String create(@AuthenticationPrincipal AftercareUser me, @RequestParam(defaultValue = "") String name,
                  Model model, RedirectAttributes redirect) {
        String trimmed = name.trim();
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            model.addAttribute("nameError", trimmed.isEmpty() ? "tokens.name.required" : "tokens.name.tooLong");
            model.addAttribute("name", name);
            model.addAttribute("tokens", tokens.list(me.personId()));
            return VIEW;
        }
        var created = tokens.create(me.personId(), trimmed);
        redirect.addFlashAttribute("newToken", created.token());
        redirect.addFlashAttribute("newTokenName", created.info().name());
        return "redirect:/settings/tokens";
    }

    @PostMapping("/settings/tokens/{id}/revoke")
    String revoke(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id, RedirectAttributes redirect) {
        tokens.revoke(me.personId(), id);
        redirect.addFlashAttribute("revoked", true);
        return "redirect:/settings/tokens";
    }
}
