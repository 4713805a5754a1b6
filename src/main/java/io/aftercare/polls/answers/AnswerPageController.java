package io.aftercare.polls.answers;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.aftercare.identity.AftercareUser;
import io.aftercare.shared.DomainException;

/**
 * Answering a poll one was asked: the polls waiting for the person ({@code /polls}, where the inbox's poll messages
 * lead when a poll is gone) and one poll's calm form ({@code /polls/{id}}), every question skippable.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class AnswerPageController {

    private final Answering answering;

    AnswerPageController(Answering answering) {
        this.answering = answering;
    }

    @GetMapping("/polls")
    String waiting(@AuthenticationPrincipal AftercareUser me, Model model, Locale locale) {
        model.addAttribute("waiting", answering.waiting(me.personId()));
        model.addAttribute("dates", DateTimeFormatter.ofPattern("d MMMM yyyy", locale));
        return "polls/mine";
    }

    @GetMapping("/polls/{id}")
    String form(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id, Model model, Locale locale) {
        return render(answering.forPerson(me.personId(), id), Map.of(), Map.of(), model, locale);
    }

    private String render(Answering.ForPerson at, Map<String, List<String>> given, Map<String, String> errors,
                          Model model, Locale locale) {
        model.addAttribute("at", at);
        model.addAttribute("given", given);
        model.addAttribute("errors", errors);
        model.addAttribute("closesOn", at.round().closesOn()
            .format(DateTimeFormatter.ofPattern("d MMMM yyyy", locale)));
        return "polls/answer";
    }

    @PostMapping("/polls/{id}")
    String answer(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id,
                  @RequestParam MultiValueMap<String, String> form, Model model, Locale locale,
                  RedirectAttributes redirect) {
        Map<String, List<String>> given = new LinkedHashMap<>();
        Map<Integer, List<Integer>> chosen = new LinkedHashMap<>();
        try {
            form.forEach((name, values) -> {
                if (!name.matches("q\\d{1,2}")) {
                    return;
                }
                given.put(name, values);
                List<Integer> choices = new ArrayList<>();
                for (String v : values) {
                    if (v == null || v.isBlank()) {
                        continue; // "Skip this question"
                    }
                    try {
                        choices.add(Integer.parseInt(v));
                    } catch (NumberFormatException e) {
                        throw DomainException.invalid(name, "That is not one of the choices.");
                    }
                }
                chosen.put(Integer.parseInt(name.substring(1)), choices);
            });
            answering.answer(me.personId(), id, chosen);
        } catch (DomainException.Invalid e) {
            return render(answering.forPerson(me.personId(), id), given, e.byField(), model, locale);
        }
        redirect.addFlashAttribute("thanks", true);
        return "redirect:/polls/" + id;
    }
}
