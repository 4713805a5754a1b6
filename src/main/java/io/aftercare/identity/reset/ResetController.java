package io.aftercare.identity.reset;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.aftercare.identity.PasswordRejectedException;
import io.aftercare.identity.account.AccountService;

/**
 * The one-time link an admin had Aftercare e-mail to a person: it tells them what happened and what choosing a new
 * password does (signs them out everywhere, revokes their API tokens).
 */
@Controller
class ResetController {

    private static final String VIEW = "identity/reset";

    private final AccountService accounts;

    ResetController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/reset/{token}")
    String show(@PathVariable String token, Model model) {
        model.addAttribute("valid", accounts.resetHolder(token).isPresent());
        model.addAttribute("token", token);
        return VIEW;
    }

    @PostMapping("/reset/{token}")
    String reset(@PathVariable String token, @RequestParam(defaultValue = "") String password,
                 @RequestParam(defaultValue = "") String confirm, Model model) {
        model.addAttribute("token", token);
        if (accounts.resetHolder(token).isEmpty()) {
            model.addAttribute("valid", false);
            return VIEW;
        }
        model.addAttribute("valid", true);
        if (!password.equals(confirm)) {
            model.addAttribute("error", "password.mismatch");
            return VIEW;
        }
        try {
            if (!accounts.completeReset(token, password)) {
                model.addAttribute("valid", false);
                return VIEW;
            }
        } catch (PasswordRejectedException e) {
            model.addAttribute("error", e.messageKey());
            return VIEW;
        }
        return "redirect:/login?passwordReset";
    }
}
