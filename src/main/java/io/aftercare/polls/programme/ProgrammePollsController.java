package io.aftercare.polls.programme;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.aftercare.directory.Directory;
import io.aftercare.directory.TeamRef;
import io.aftercare.identity.AftercareUser;
import io.aftercare.polls.definition.Poll;
import io.aftercare.polls.definition.PollCatalogue;
import io.aftercare.polls.definition.PollTemplates;
import io.aftercare.polls.rounds.PollRounds;
import io.aftercare.polls.rounds.Round;
import io.aftercare.polls.rounds.RoundStore;
import io.aftercare.shared.DomainException;

/** Polls for coordinators: the list, a new poll (from the talk's straw poll or from scratch), one poll. */
@Controller
@PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
class ProgrammePollsController {

    private final PollCatalogue polls;
    private final PollRounds running;
    private final RoundStore rounds;
    private final PollTemplates templates;
    private final Directory directory;

    ProgrammePollsController(PollCatalogue polls, PollRounds running, RoundStore rounds, PollTemplates templates,
                             Directory directory) {
        this.polls = polls;
        this.running = running;
        this.rounds = rounds;
        this.templates = templates;
        this.directory = directory;
    }

    /** A poll in the list: its newest round and where that stands. */
    record Row(UUID id, String title, String status, String opensOn, String closesOn, long invited) {
    }

    @GetMapping("/programme/polls")
    String list(Model model, Locale locale) {
        LocalDate today = running.today();
        List<Row> rows = polls.all().stream().map(polls::find).flatMap(java.util.Optional::stream).map(p -> {
            Round r = rounds.of(p.id()).get(0);
            return new Row(p.id(), p.title(), status(r, today), day(r.opensOn(), locale), day(r.closesOn(), locale),
                rounds.invitedCount(r.id()));
        }).toList();
        model.addAttribute("polls", rows);
        return "polls/list";
    }

    @GetMapping("/programme/polls/new")
    String form(@RequestParam(required = false) String template, Model model) {
        LocalDate today = running.today();
        String t = PollTemplates.SCRATCH.equals(template) ? PollTemplates.SCRATCH : PollTemplates.TALK;
        PollForm blank = PollForm.blank(t, today.toString(), today.plusDays(7).toString());
        if (t.equals(PollTemplates.TALK)) {
            blank = new PollForm(templates.talkTitle(), t, blank.audience(), blank.teams(), blank.recurrence(),
                blank.opensOn(), blank.closesOn(), null, null, null);
        }
        return render(blank, Map.of(), model);
    }

    private String render(PollForm form, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("talk", templates.talk());
        model.addAttribute("teams", directory.allTeams(500));
        model.addAttribute("slots", java.util.stream.IntStream.range(0, PollForm.SLOTS).boxed().toList());
        return "polls/new";
    }

    @PostMapping("/programme/polls")
    String create(@AuthenticationPrincipal AftercareUser me, @ModelAttribute PollForm form, Model model,
                  RedirectAttributes redirect) {
        Poll poll;
        try {
            poll = running.create(me.personId(), form.input());
        } catch (DomainException.Invalid e) {
            return render(form, e.byField(), model);
        }
        redirect.addFlashAttribute("created", true);
        return "redirect:/programme/polls/" + poll.id();
    }

    @GetMapping("/programme/polls/{id}")
    String one(@PathVariable UUID id, Model model, Locale locale) {
        Poll poll = polls.find(id).orElseThrow(() -> DomainException.notFound("Poll"));
        LocalDate today = running.today();
        model.addAttribute("poll", poll);
        model.addAttribute("teamNames", poll.teams().stream().map(directory::team).flatMap(java.util.Optional::stream)
            .map(TeamRef::name).toList());
        model.addAttribute("rounds", rounds.of(id).stream().map(r -> new Row(r.id(), "#" + r.number(),
            status(r, today), day(r.opensOn(), locale), day(r.closesOn(), locale), rounds.invitedCount(r.id())))
            .toList());
        model.addAttribute("canClose", rounds.of(id).stream().anyMatch(r -> r.opened() && !r.closed()));
        return "polls/poll";
    }

    @PostMapping("/programme/polls/{id}/close")
    String close(@PathVariable UUID id, RedirectAttributes redirect) {
        running.closeNow(id);
        redirect.addFlashAttribute("closed", true);
        return "redirect:/programme/polls/" + id;
    }

    static String status(Round r, LocalDate today) {
        if (r.closed()) {
            return "CLOSED";
        }
        if (r.opened() && !today.isAfter(r.closesOn())) {
            return "OPEN";
        }
        return r.opened() ? "CLOSING" : "PLANNED";
    }

    private static String day(LocalDate d, Locale locale) {
        return d.format(DateTimeFormatter.ofPattern("d MMM yyyy", locale));
    }
}
