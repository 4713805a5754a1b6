package io.aftercare.identity.invite;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.aftercare.identity.PasswordRejectedException;
import io.aftercare.identity.account.AccountService;

/** The one-time link an admin gives a new person, to choose their password. */
@Controller
class InviteController {

    private static final String VIEW = "identity/invite";

    private final AccountService accounts;

    InviteController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/invite/{token}")
    String show(@PathVariable String token, Model model) {
        model.addAttribute("valid", accounts.invitationHolder(token).isPresent());
        model.addAttribute("token", token);
        return VIEW;
    }

    @PostMapping("/invite/{token}")
    String accept(@PathVariable String token, @RequestParam String password, @RequestParam String confirm,
                  Model model) {
        model.addAttribute("token", token);
        if (accounts.invitationHolder(token).isEmpty()) {
            model.addAttribute("valid", false);
            return VIEW;
        }
        model.addAttribute("valid", true);
        if (!password.equals(confirm)) {
            model.addAttribute("error", "password.mismatch");
            return VIEW;
        }
        try {
            if (!accounts.acceptInvitation(token, password)) {
                model.addAttribute("valid", false);
                return VIEW;
            }
        } catch (PasswordRejectedException e) {
            model.addAttribute("error", e.messageKey());
            return VIEW;
        }
        return "redirect:/login?passwordSet";
    }
}
