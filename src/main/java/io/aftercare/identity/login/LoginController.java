package io.aftercare.identity.login;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.core.Authentication;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpSession;

@Controller
public class LoginController {

    /** Session key under which a failed sign-in leaves the e-mail that was typed. */
    public static final String LAST_EMAIL = "aftercare.login.email";

    private final boolean demo;

    LoginController(Environment environment) {
        this.demo = environment.acceptsProfiles(Profiles.of("demo"));
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String wait, @RequestParam(required = false) String locked,
                 HttpSession session, Model model, Authentication authentication) {
        if (authentication != null && authentication.isAuthenticated()
            && !(authentication instanceof AnonymousAuthenticationToken)) {
            return "redirect:/";
        }
        Object email = session.getAttribute(LAST_EMAIL);
        session.removeAttribute(LAST_EMAIL);
        model.addAttribute("email", email == null ? "" : email);
        model.addAttribute("waitSeconds", parse(wait));
        model.addAttribute("lockedMinutes", parse(locked));
        model.addAttribute("demo", demo);
        return "identity/login";
    }

    private static Long parse(String value) {
        try {
            return value == null ? null : Math.max(1, Long.parseLong(value));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
