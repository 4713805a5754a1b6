package io.aftercare.identity.login;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.core.Authentication;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.aftercare.identity.sso.SsoProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

@Controller
public class LoginController {

    /** Session key under which a failed sign-in leaves the e-mail that was typed. */
    public static final String LAST_EMAIL = "aftercare.login.email";

    private final boolean demo;
    private final SavedPage savedPage = new SavedPage();
    private final SsoProperties sso;
    private final List<Provider> providers;

    /** An OpenID Connect provider to sign in with: its name and where its sign-in starts. */
    public record Provider(String name, String path) {
    }

    LoginController(Environment environment, SsoProperties sso,
                    ObjectProvider<ClientRegistrationRepository> registrations) {
        this.demo = environment.acceptsProfiles(Profiles.of("demo"));
        this.sso = sso;
        this.providers = providers(registrations.getIfAvailable());
    }

    static List<Provider> providers(ClientRegistrationRepository registrations) {
        List<Provider> result = new ArrayList<>();
        if (registrations instanceof Iterable<?> all) {
            for (Object o : all) {
                if (o instanceof ClientRegistration r) {
                    result.add(new Provider(r.getClientName(), "/oauth2/authorization/" + r.getRegistrationId()));
                }
            }
        }
        return List.copyOf(result);
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String wait, @RequestParam(required = false) String locked,
                 HttpSession session, Model model, Authentication authentication, HttpServletRequest request,
                 HttpServletResponse response) {
        return page(wait, locked, session, model, authentication, request, response, sso.localPasswords());
    }

    /**
     * The password form when local passwords are off: for the break-glass admin only (docs/sso.md). It is not
     * linked from anywhere; with local passwords on it is the ordinary sign-in page.
     */
    @GetMapping("/login/break-glass")
    String breakGlass(@RequestParam(required = false) String wait, @RequestParam(required = false) String locked,
                      HttpSession session, Model model, Authentication authentication, HttpServletRequest request,
                      HttpServletResponse response) {
        if (sso.localPasswords()) {
            return page(wait, locked, session, model, authentication, request, response, true);
        }
        model.addAttribute("breakGlass", true);
        return page(wait, locked, session, model, authentication, request, response, true);
    }

    private String page(String wait, String locked, HttpSession session, Model model, Authentication authentication,
                        HttpServletRequest request, HttpServletResponse response, boolean passwordForm) {
        if (authentication != null && authentication.isAuthenticated()
            && !(authentication instanceof AnonymousAuthenticationToken)) {
            return "redirect:/";
        }
        model.addAttribute("providers", model.containsAttribute("breakGlass") ? List.of() : providers);
        model.addAttribute("passwordForm", passwordForm);
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
