package io.aftercare.identity.reset;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import io.aftercare.identity.account.PasswordLinks;
import io.aftercare.identity.login.CompanySignIn;

/**
 * The one-time link an admin had Aftercare e-mail to a person: it tells them what happened and what choosing a new
 * password does (signs them out everywhere, revokes their API tokens). With local passwords off it says that sign-in
 * is through the company's provider instead, and sets no password (except the break-glass admin's).
 */
@Controller
class ResetController {

    private static final String VIEW = "identity/reset";

    private final PasswordLinks links;
    private final CompanySignIn companySignIn;

    ResetController(PasswordLinks links, CompanySignIn companySignIn) {
        this.links = links;
        this.companySignIn = companySignIn;
    }

    @GetMapping("/reset/{token}")
    String show(@PathVariable String token, Model model) {
        if (companySignIn.refusesPasswordFor(links.resetHolder(token))) {
            companySignIn.show(model);
            return VIEW;
        }
        model.addAttribute("valid", links.resetHolder(token).isPresent());
        model.addAttribute("token", token);
        return VIEW;
    }

    @PostMapping("/reset/{token}")
    String reset(@PathVariable String token, @ModelAttribute NewPasswordForm form, Model model) {
        if (companySignIn.refusesPasswordFor(links.resetHolder(token))) {
            companySignIn.show(model);
            return VIEW;
        }
        return form.submit(token, model, VIEW, links::resetHolder, links::completeReset,
            "redirect:/login?passwordReset");
    }
}
