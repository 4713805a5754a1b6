package io.aftercare.identity.invite;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import io.aftercare.identity.account.PasswordLinks;
import io.aftercare.identity.login.CompanySignIn;
import io.aftercare.identity.reset.NewPasswordForm;

/**
 * The one-time link an admin gives a new person, to choose their password. With local passwords off it says that
 * sign-in is through the company's provider instead, and sets no password (except the break-glass admin's).
 */
@Controller
class InviteController {

    private static final String VIEW = "identity/invite";

    private final PasswordLinks links;
    private final CompanySignIn companySignIn;

    InviteController(PasswordLinks links, CompanySignIn companySignIn) {
        this.links = links;
        this.companySignIn = companySignIn;
    }

    @GetMapping("/invite/{token}")
    String show(@PathVariable String token, Model model) {
        if (companySignIn.refusesPasswordFor(links.invitationHolder(token))) {
            companySignIn.show(model);
            return VIEW;
        }
        model.addAttribute("valid", links.invitationHolder(token).isPresent());
        model.addAttribute("token", token);
        return VIEW;
    }

    @PostMapping("/invite/{token}")
    String accept(@PathVariable String token, @ModelAttribute NewPasswordForm form, Model model) {
        if (companySignIn.refusesPasswordFor(links.invitationHolder(token))) {
            companySignIn.show(model);
            return VIEW;
        }
        return form.submit(token, model, VIEW, links::invitationHolder, links::acceptInvitation,
            "redirect:/login?passwordSet");
    }
}
