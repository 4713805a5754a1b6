package io.aftercare.peersupport.nudges;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.aftercare.identity.AftercareUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** "Nudges": the signed-in person's own nudges, with one button each: "I reached out". */
@Controller
@PreAuthorize("isAuthenticated()")
class NudgeController {

    private final NudgeService nudges;
    private final NudgeText text;

    NudgeController(NudgeService nudges, NudgeText text) {
        this.nudges = nudges;
        this.text = text;
    }

    public record NudgeItem(UUID id, String text, boolean reachedOut, Instant deliveredAt, Instant reachedOutAt) {
    }

    static List<NudgeItem> items(NudgeService nudges, NudgeText text, UUID me) {
        Locale locale = LocaleContextHolder.getLocale();
        return nudges.mine(me).stream().map(n -> item(text, n, locale)).toList();
    }

    static NudgeItem item(NudgeText text, NudgeService.NudgeView n, Locale locale) {
        return new NudgeItem(n.id(), text.of(n, locale), n.done(), n.deliveredAt(), n.reachedOutAt());
    }

    @GetMapping("/nudges")
    String page(@AuthenticationPrincipal AftercareUser me, Model model) {
        model.addAttribute("nudges", items(nudges, text, me.personId()));
        return "support/nudges";
    }

    /**
     * Where a nudge's inbox entry, e-mail or Slack message leads. A nudge of the caller's that still stands shows on
     * their nudges page; any other (taken back, someone else's, never there) gets the same calm words.
     */
    @GetMapping("/nudges/{id}")
    String one(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id, Model model) {
        if (nudges.mine(me.personId(), id).isPresent()) {
            return "redirect:/nudges";
        }
        model.addAttribute("flash", "support.nudges.noLongerNeeded");
        return page(me, model);
    }

    @PostMapping("/nudges/{id}/reached-out")
    String reachedOut(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id, RedirectAttributes redirect) {
        nudges.reachedOut(me.personId(), id);
        redirect.addFlashAttribute("flash", "support.nudges.thanks");
        return "redirect:/nudges";
    }

    /** The same for scripts and chat bots. */
    @Controller
    @RequestMapping("/api/v1/me/nudges")
    @PreAuthorize("isAuthenticated()")
    @Tag(name = "My nudges", description = "Colleagues you were asked to check in on, and \"I reached out\".")
    static class Api {

        private final NudgeService nudges;
        private final NudgeText text;

        Api(NudgeService nudges, NudgeText text) {
            this.nudges = nudges;
            this.text = text;
        }

        @GetMapping
        @ResponseBody
        @Operation(summary = "Your nudges, newest first")
        List<NudgeItem> list(@AuthenticationPrincipal AftercareUser me) {
            return items(nudges, text, me.personId());
        }

        @PostMapping("/{id}/reached-out")
        @ResponseBody
        @Operation(summary = "Say that you reached out (idempotent)")
        NudgeItem reachedOut(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id) {
            return item(text, nudges.reachedOut(me.personId(), id), LocaleContextHolder.getLocale());
        }
    }
}
