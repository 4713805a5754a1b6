package io.aftercare.insights.oncall;

import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The end-of-shift question's one-tap links from e-mail and Slack ({@code /c/effort/TOKEN}, no sign-in: the token is
 * the credential, under the signed-link path's security). Following a link shows the chosen answer with one button;
 * only pressing it records the answer, so a mail scanner that fetches links records nothing. A used, expired or
 * unknown link gets the same calm page, and nothing is written.
 */
@Controller
class EffortLinkController {

    private static final String PAGE = "oncall/effort-link";
    private static final String GONE = "oncall/effort-link-gone";

    private final EffortLinks links;

    EffortLinkController(EffortLinks links) {
        this.links = links;
    }

    @GetMapping("/c/effort/{token}")
    String confirm(@PathVariable String token, Model model, HttpServletResponse response) {
        Optional<EffortStore.LinkTarget> target = links.target(token);
        if (target.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return GONE;
        }
        model.addAttribute("effort", target.get().effort());
        model.addAttribute("action", "/c/effort/" + token);
        return PAGE;
    }

    @PostMapping("/c/effort/{token}")
    String answer(@PathVariable String token, Model model, HttpServletResponse response) {
        Optional<EffortStore.LinkTarget> answered = links.answer(token);
        if (answered.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return GONE;
        }
        model.addAttribute("effort", answered.get().effort());
        model.addAttribute("saved", true);
        return PAGE;
    }
}
