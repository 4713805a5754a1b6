package io.aftercare.care.cases;

import java.util.UUID;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.aftercare.identity.AftercareUser;
import io.aftercare.web.TimeFormat;

/**
 * “My aftercare” and what the person does there with their own cases, suggestions and check-ins (the check-in and
 * follow-up forms are {@link CheckInFormController}). Everything here is the signed-in person's own.
 */
@Controller
class MyAftercareController {

    private static final String ME = "care/me";

    private final CareService care;
    private final TimeFormat time;
    private final MyAftercare myAftercare;

    MyAftercareController(CareService care, TimeFormat time, MyAftercare myAftercare) {
        this.care = care;
        this.time = time;
        this.myAftercare = myAftercare;
    }

    // ---------------------------------------------------------------- My aftercare

    @GetMapping("/me")
    String me(@AuthenticationPrincipal AftercareUser me, Model model) {
        model.addAttribute("myAftercare", myAftercare.page(me.personId(), time.zone(), LocaleContextHolder.getLocale()));
        return ME;
    }

    @PostMapping("/me/cases")
    String roughOne(@AuthenticationPrincipal AftercareUser me) {
        return "redirect:/check-ins/" + care.openForSelf(me.personId(), CaseOrigin.SELF).checkInId();
    }

    @PostMapping("/me/cases/{id}/close")
    String close(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id, RedirectAttributes redirect) {
        care.close(me.personId(), id);
        redirect.addFlashAttribute("flash", "care.flash.closed");
        return "redirect:/me";
    }

    @PostMapping("/me/cases/{id}/reopen")
    String reopen(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id, RedirectAttributes redirect) {
        care.reopen(me.personId(), id);
        redirect.addFlashAttribute("flash", "care.flash.reopened");
        return "redirect:/me";
    }

    @PostMapping("/me/cases/{id}/stop-asking")
    String stopAsking(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id, RedirectAttributes redirect) {
        care.stopAsking(me.personId(), id);
        redirect.addFlashAttribute("flash", "care.flash.stopped");
        return "redirect:/me";
    }

    /** Opting out of check-ins, or back in; a form without the field opts out. */
    record OptOutForm(Boolean optOut) {
        boolean out() {
            return !Boolean.FALSE.equals(optOut);
        }
    }

    /** Answering a lead's suggested check-in: yes opens it, anything else declines. */
    record SuggestionForm(Boolean accept) {
        boolean accepted() {
            return Boolean.TRUE.equals(accept);
        }
    }

    @PostMapping("/me/opt-out")
    String optOut(@AuthenticationPrincipal AftercareUser me, @ModelAttribute OptOutForm form,
                  RedirectAttributes redirect) {
        care.setOptedOut(me.personId(), form.out());
        redirect.addFlashAttribute("flash", form.out() ? "care.flash.optedOut" : "care.flash.optedIn");
        return "redirect:/me";
    }

    @PostMapping("/me/suggestions/{id}")
    String suggestion(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id,
                      @ModelAttribute SuggestionForm form, RedirectAttributes redirect) {
        var opened = care.respondToSuggestion(me.personId(), id, form.accepted());
        if (opened.isPresent()) {
            return "redirect:/check-ins/" + opened.get().checkInId();
        }
        redirect.addFlashAttribute("flash", "care.flash.declined");
        return "redirect:/me";
    }
}
