package io.aftercare.directory.setup;

import java.util.List;
import java.util.Map;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

import io.aftercare.shared.DomainException;
import io.aftercare.shared.FieldErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The first-run screen: create the admin (and, if wanted, a demo organisation). The new admin is signed in at once
 * and lands on the getting-started checklist.
 */
@Controller
class SetupController {

    static final String VIEW = "directory/setup";

    private final SetupService setup;
    private final AuthenticationManager authentication;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    SetupController(SetupService setup, AuthenticationManager authentication) {
        this.setup = setup;
        this.authentication = authentication;
    }

    record SetupForm(String name, String email, String timeZone, String password, String confirm, String demo) {
        static SetupForm empty() {
            return new SetupForm("", "", "UTC", "", "", null);
        }
    }

    @ModelAttribute("currentZones")
    List<String> currentZones() {
        return TimeZones.CURRENT;
    }

    @ModelAttribute("olderZones")
    List<String> olderZones() {
        return TimeZones.OLDER;
    }

    @GetMapping("/setup")
    String show(Model model) {
        if (!setup.needed()) {
            return "redirect:/";
        }
        model.addAttribute("form", SetupForm.empty());
        model.addAttribute("errors", Map.of());
        return VIEW;
    }

    @PostMapping("/setup")
    String create(@ModelAttribute("form") SetupForm form, Model model, HttpServletRequest request,
                  HttpServletResponse response) {
        if (!setup.needed()) {
            return "redirect:/";
        }
        if (form.password() == null || !form.password().equals(form.confirm())) {
            model.addAttribute("errors", Map.of("confirm", "The two passwords are not the same."));
            return VIEW;
        }
        try {
            if (setup.createAdmin(form.name(), form.email(), form.timeZone(), form.password(), form.demo() != null)
                .isEmpty()) {
                // someone else finished the first run a moment ago: this form made nobody
                return "redirect:/login";
            }
        } catch (DomainException.Invalid | DomainException.Conflict e) {
            model.addAttribute("errors", FieldErrors.of(e));
            return VIEW;
        }
        if (!signIn(form, request, response)) {
            return form.demo() != null ? "redirect:/login?created&demo" : "redirect:/login?created";
        }
        return "redirect:" + GettingStartedController.PATH + (form.demo() != null ? "?demo" : "");
    }

    /**
     * Signs the new admin in with the password they just chose, through the same sign-in as the login form (so the
     * session is one like any other: ended by role changes and after its lifetime), in a fresh session id.
     */
    private boolean signIn(SetupForm form, HttpServletRequest request, HttpServletResponse response) {
        Authentication result;
        try {
            result = authentication.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(form.email().trim(), form.password()));
        } catch (AuthenticationException e) {
            return false;
        }
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(result);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        return true;
    }
}
