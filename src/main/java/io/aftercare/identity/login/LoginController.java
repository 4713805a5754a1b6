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

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

@Controller
public class LoginController {

    /** Session key under which a failed sign-in leaves the e-mail that was typed. */
    public static final String LAST_EMAIL = "aftercare.login.email";

    private final boolean demo;
    private final SavedPage savedPage = new SavedPage();

    LoginController(Environment environment) {
        this.demo = environment.acceptsProfiles(Profiles.of("demo"));
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String wait, @RequestParam(required = false) String locked,
                 HttpSession session, Model model, Authentication authentication, HttpServletRequest request,
                 HttpServletResponse response) {
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
        model.addAttribute("nextKey", savedPage.target(request, response).map(LoginController::nextKey).orElse(null));
        return "identity/login";
    }

    /** What the sign-in page says about the page it will open next, by that page's path. */
    static String nextKey(String target) {
        String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        if (path.startsWith("/check-ins/")) {
            return "login.next.checkIn";
        }
        if (path.equals("/inbox")) {
            return "login.next.inbox";
        }
        if (path.equals("/me") || path.startsWith("/me/")) {
            return "login.next.me";
        }
        if (path.equals("/support") || path.startsWith("/support/")) {
            return "login.next.support";
        }
        return path.equals("/") ? null : "login.next.page";
    }

    private static Long parse(String value) {
        try {
            return value == null ? null : Math.max(1, Long.parseLong(value));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
