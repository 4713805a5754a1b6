package io.aftercare.identity.token;

import java.time.Clock;
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

/**
 * "API tokens" under the person's settings: create (shown once, with a scope and an expiry), list, revoke; and
 * the admins' page of everyone's tokens.
 */
@Controller
class TokenPageController {

    private static final String VIEW = "identity/tokens";

    private final ApiTokens tokens;
    private final Clock clock;

    TokenPageController(ApiTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    private void common(AftercareUser me, Model model) {
        model.addAttribute("tokens", tokens.list(me.personId()));
        model.addAttribute("now", clock.instant());
        model.addAttribute("maxDays", tokens.maxDays());
        if (!model.containsAttribute("name")) {
            model.addAttribute("name", "");
        }
        if (!model.containsAttribute("days")) {
            model.addAttribute("days", String.valueOf(tokens.defaultDays()));
        }
        if (!model.containsAttribute("scope")) {
            model.addAttribute("scope", TokenScope.READ.name());
        }
    }

    @GetMapping("/settings/tokens")
    String list(@AuthenticationPrincipal AftercareUser me, Model model) {
        common(me, model);
        return VIEW;
    }

    @PostMapping("/settings/tokens")
    String create(@AuthenticationPrincipal AftercareUser me, @RequestParam(defaultValue = "") String name,
                  @RequestParam(defaultValue = "") String days, @RequestParam(defaultValue = "READ") String scope,
                  Model model, RedirectAttributes redirect) {
        String trimmed = name.trim();
        boolean ok = true;
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            model.addAttribute("nameError", trimmed.isEmpty() ? "tokens.name.required" : "tokens.name.tooLong");
            ok = false;
        }
        int lifetime = parse(days);
        if (lifetime < 1 || lifetime > tokens.maxDays()) {
            model.addAttribute("daysError", "tokens.days.invalid");
            ok = false;
        }
        TokenScope chosen = TokenScope.parse(scope).orElse(TokenScope.READ);
        if (!ok) {
            model.addAttribute("name", name);
            model.addAttribute("days", days);
            model.addAttribute("scope", chosen.name());
            common(me, model);
            return VIEW;
        }
        var created = tokens.create(me.personId(), trimmed, chosen, lifetime);
        redirect.addFlashAttribute("newToken", created.token());
        redirect.addFlashAttribute("newTokenName", created.info().name());
        return "redirect:/settings/tokens";
    }

    private static int parse(String days) {
        try {
            return Integer.parseInt(days.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @PostMapping("/settings/tokens/{id}/revoke")
    String revoke(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id, RedirectAttributes redirect) {
        tokens.revoke(me.personId(), id);
        redirect.addFlashAttribute("revoked", true);
        return "redirect:/settings/tokens";
    }

    @GetMapping("/admin/tokens")
    @PreAuthorize("hasRole('ADMIN')")
    String all(Model model) {
        model.addAttribute("tokens", tokens.listAll());
        model.addAttribute("now", clock.instant());
        return "identity/admin-tokens";
    }

    @PostMapping("/admin/tokens/{id}/revoke")
    @PreAuthorize("hasRole('ADMIN')")
    String revokeAny(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id, RedirectAttributes redirect) {
        if (tokens.revokeAny(id, me.personId())) {
            redirect.addFlashAttribute("revoked", true);
        }
        return "redirect:/admin/tokens";
    }
}
