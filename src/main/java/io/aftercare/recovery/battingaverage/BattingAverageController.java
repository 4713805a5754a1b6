package io.aftercare.recovery.battingaverage;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.aftercare.identity.AftercareUser;

/** The person's batting average page: their own record only, whatever their roles. */
@Controller
@PreAuthorize("isAuthenticated()")
class BattingAverageController {

    static final String PAGE = "/me/recovery/batting-average";

    private final BattingAverages averages;
    private final BattingAverageWords words;

    BattingAverageController(BattingAverages averages, BattingAverageWords words) {
        this.averages = averages;
        this.words = words;
    }

    @GetMapping(PAGE)
    String page(@AuthenticationPrincipal AftercareUser me, Model model) {
        model.addAttribute("sentences", words.sentences(averages.of(me.personId()), LocaleContextHolder.getLocale()));
        return "recovery/batting-average";
    }
}
