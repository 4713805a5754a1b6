package io.aftercare.identity.reset;

import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

import io.aftercare.identity.account.PasswordLinks;
import io.aftercare.identity.login.CompanySignIn;

/**
 * "Forgot your password?" from the sign-in page: a reset link by e-mail to the address typed, and to nobody else.
 * The page answers in the same words, at the same speed, whether or not the address has an account, so it cannot
 * be used to find out who works here; each address gets at most a few links an hour. With local passwords off the
 * page says that sign-in is through the company's provider and links to it; a link is then sent only to the
 * break-glass admin's address, and the answer is the same whatever was typed.
 */
@Controller
class ForgotPasswordController {

    private static final String VIEW = "identity/forgot";

    private final PasswordLinks links;
    private final CompanySignIn companySignIn;
    private final boolean mailConfigured;
    private final long validHours;

    ForgotPasswordController(PasswordLinks links, CompanySignIn companySignIn, ObjectProvider<JavaMailSender> mail,
                             @Value("${aftercare.password-reset.valid-for}") Duration validFor) {
        this.links = links;
        this.companySignIn = companySignIn;
        this.mailConfigured = mail.getIfAvailable() != null;
        this.validHours = Math.max(1, validFor.toHours());
    }

    @GetMapping("/reset")
    String form(Model model) {
        model.addAttribute("mailConfigured", mailConfigured);
        model.addAttribute("validHours", validHours);
        if (companySignIn.passwordsOff()) {
            companySignIn.show(model);
        }
        return VIEW;
    }

    /** The address typed on "Forgot your password?". */
    record EmailForm(String email) {
        EmailForm {
            email = email == null ? "" : email;
        }
    }

    @PostMapping("/reset")
    String request(@ModelAttribute EmailForm form, Model model) {
        String email = form.email();
        model.addAttribute("mailConfigured", mailConfigured);
        if (companySignIn.passwordsOff()) {
            if (companySignIn.passwordAllowedFor(email.strip())) {
                links.requestOwnReset(email.strip());
            }
            return "redirect:/reset?sent";
        }
        if (email.isBlank() || !email.contains("@")) {
            model.addAttribute("error", "forgot.error.email");
            model.addAttribute("email", email);
            return VIEW;
        }
        links.requestOwnReset(email.strip());
        return "redirect:/reset?sent";
    }
}
