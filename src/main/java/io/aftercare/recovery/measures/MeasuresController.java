package io.aftercare.recovery.measures;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.aftercare.identity.AftercareUser;
import io.aftercare.shared.DomainException;

/** The short self-compassion questionnaire and the person's own trend, on one page. */
@Controller
@RequestMapping("/me/recovery/measures")
@PreAuthorize("isAuthenticated()")
class MeasuresController {

    private static final String PAGE = "recovery/measures";

    private final SelfCompassionMeasure measure;
    private final MeasurePage page;

    MeasuresController(SelfCompassionMeasure measure, MeasurePage page) {
        this.measure = measure;
        this.page = page;
    }

    /** @param from {@code journal} when the journal sent the person here: "Skip" and saving lead back to it */
    @GetMapping
    String page(@AuthenticationPrincipal AftercareUser me, @RequestParam(required = false) String from,
                Model model) {
        model.addAttribute("fromJournal", "journal".equals(from));
        return show(model, me, Map.of(), false);
    }

    @PostMapping
    String answer(@AuthenticationPrincipal AftercareUser me, @RequestParam MultiValueMap<String, String> params,
                  Model model, RedirectAttributes redirect) {
        Map<String, String> given = new LinkedHashMap<>();
        for (SelfCompassionMeasure.Item item : SelfCompassionMeasure.Item.values()) {
            String value = params.getFirst(item.key);
            if (value != null) {
                given.put(item.key, value);
            }
        }
        boolean fromJournal = "journal".equals(params.getFirst("from"));
        try {
            measure.answer(me.personId(), given);
        } catch (DomainException.Invalid e) {
            model.addAttribute("given", given);
            model.addAttribute("fromJournal", fromJournal);
            return show(model, me, e.byField(), true);
        }
        redirect.addFlashAttribute("flash", fromJournal ? "recovery.measure.thanksJournal" : "recovery.measure.thanks");
        return fromJournal ? "redirect:/me/recovery/journal" : "redirect:/me/recovery/measures";
    }

    private String show(Model model, AftercareUser me, Map<String, String> errors, boolean failed) {
        model.addAttribute("view", page.of(me.personId(), LocaleContextHolder.getLocale()));
        model.addAttribute("errors", errors);
        model.addAttribute("failed", failed);
        if (!model.containsAttribute("fromJournal")) {
            model.addAttribute("fromJournal", false);
        }
        if (!model.containsAttribute("given")) {
            model.addAttribute("given", Map.of());
        }
        model.addAttribute("scale", java.util.List.of(1, 2, 3, 4, 5));
        return PAGE;
    }
}
