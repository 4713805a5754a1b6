package io.aftercare.polls.results;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import io.aftercare.identity.AftercareUser;

/**
 * A poll's results page: for coordinators, admins and leads of the poll's teams (404 for anyone else), only after the
 * round closes, only what the rule set releases: a sentence per figure, a bar chart per question with a table of the
 * same figures, and the reach-out gap as its own picture.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class ResultsController {

    private final PollResults results;

    ResultsController(PollResults results) {
        this.results = results;
    }

    @GetMapping("/polls/{id}/results")
    String page(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id, Model model, Locale locale) {
        PollResults.Results r = results.of(me, id, locale);
        DateTimeFormatter dates = DateTimeFormatter.ofPattern("d MMMM yyyy", locale);
        model.addAttribute("r", r);
        model.addAttribute("closesOn", r.closesOn() == null ? "" : r.closesOn().format(dates));
        model.addAttribute("previousClosedOn", r.previous() == null ? "" : r.previous().closesOn().format(dates));
        return "polls/results";
    }
}
