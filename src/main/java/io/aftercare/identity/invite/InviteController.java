package io.aftercare.identity.invite;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import io.aftercare.identity.account.PasswordLinks;
import io.aftercare.identity.reset.NewPasswordForm;

/** The one-time link an admin gives a new person, to choose their password. */
@Controller
class InviteController {

    private static final String VIEW = "identity/invite";

    private final PasswordLinks links;

    InviteController(PasswordLinks links) {
        this.links = links;
    }

    @GetMapping("/invite/{token}")
    String show(@PathVariable String token, Model model) {
        model.addAttribute("valid", links.invitationHolder(token).isPresent());
        model.addAttribute("token", token);
        return VIEW;
    }

    @PostMapping("/invite/{token}")
    String accept(@PathVariable String token, @ModelAttribute NewPasswordForm form, Model model) {
        return form.submit(token, model, VIEW, links::invitationHolder, links::acceptInvitation,
            "redirect:/login?passwordSet");
    }
}
