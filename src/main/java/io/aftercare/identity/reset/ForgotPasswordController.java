package io.aftercare.identity.reset;

import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.aftercare.identity.account.AccountService;

/**
 * "Forgot your password?" from the sign-in page: a reset link by e-mail to the address typed, and to nobody else.
 * The page answers in the same words, at the same speed, whether or not the address has an account, so it cannot
 * be used to find out who works here; each address gets at most a few links an hour.
 */
@Controller
class ForgotPasswordController {

    private static final String VIEW = "identity/forgot";

    private final AccountService accounts;
    private final boolean mailConfigured;
    private final long validHours;

    ForgotPasswordController(AccountService accounts, ObjectProvider<JavaMailSender> mail,
                             @Value("${aftercare.password-reset.valid-for}") Duration validFor) {
        this.accounts = accounts;
        this.mailConfigured = mail.getIfAvailable() != null;
        this.validHours = Math.max(1, validFor.toHours());
    }

    @GetMapping("/reset")
    String form(Model model) {
        model.addAttribute("mailConfigured", mailConfigured);
        model.addAttribute("validHours", validHours);
        return VIEW;
    }

    @PostMapping("/reset")
    String request(@RequestParam(defaultValue = "") String email, Model model) {
        model.addAttribute("mailConfigured", mailConfigured);
        if (email.isBlank() || !email.contains("@")) {
            model.addAttribute("error", "forgot.error.email");
            model.addAttribute("email", email);
            return VIEW;
        }
        accounts.requestOwnReset(email.strip());
        return "redirect:/reset?sent";
    }
}
