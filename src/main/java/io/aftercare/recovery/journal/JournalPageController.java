package io.aftercare.recovery.journal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.aftercare.identity.AftercareUser;
import io.aftercare.recovery.measures.SelfCompassionMeasure;
import io.aftercare.shared.DomainException;

/** The journal's page: why it helps, today's prompt, the entries by day, the reminder. The person's own only. */
@Controller
@PreAuthorize("isAuthenticated()")
class JournalPageController {

    /** An answer to the questionnaire this recent stands for "before": starting is not held up by asking again. */
    static final java.time.Duration RECENT_ANSWER = java.time.Duration.ofDays(7);

    private final Journal journal;
    private final MessageSource messages;
    private final SelfCompassionMeasure measure;
    private final java.time.Clock clock;

    private final JournalPrompts promptWords;

    JournalPageController(Journal journal, MessageSource messages, SelfCompassionMeasure measure,
                          java.time.Clock clock, JournalPrompts promptWords) {
        this.journal = journal;
        this.promptWords = promptWords;
        this.messages = messages;
        this.measure = measure;
        this.clock = clock;
    }

    /** A prompt with its day and words. */
    record Prompt(int day, String text) {
    }

    /** One entry as shown: the prompt it answers (or null for free writing). */
    record EntryView(UUID id, String prompt, String text) {
    }

    /** The entries written on one day. */
    record Day(String heading, List<EntryView> entries) {
    }

    @GetMapping(JournalTool.PATH)
    String page(@AuthenticationPrincipal AftercareUser me, Model model) {
        fill(model, me.personId());
        return "recovery/journal";
    }

    /**
     * Starts the journal today. With {@code then=measures} the person chose to answer the short questionnaire first:
     * it opens next, with a way straight back to day 1 (skipping it is one tap, as answering is).
     */
    @PostMapping(JournalTool.PATH + "/start")
    String start(@AuthenticationPrincipal AftercareUser me, @RequestParam(required = false) String then,
                 RedirectAttributes flash) {
        try {
            journal.start(me.personId());
        } catch (DomainException.Conflict e) {
            // already running (a second tab): the page shows today's day
            return "redirect:" + JournalTool.PATH;
        }
        if ("measures".equals(then)) {
            // the questionnaire page says the journal has started, and how to skip to it
            return "redirect:" + MEASURES + "?from=journal";
        }
        flash.addFlashAttribute("flash", "recovery.journal.started");
        return "redirect:" + JournalTool.PATH;
    }

    static final String MEASURES = "/me/recovery/measures";

    @PostMapping(JournalTool.PATH + "/entries")
    String write(@AuthenticationPrincipal AftercareUser me, @RequestParam(required = false) String text,
                 @RequestParam(required = false) Integer promptDay, Model model, RedirectAttributes flash) {
        try {
            journal.write(me.personId(), text, promptDay);
        } catch (DomainException.Invalid e) {
            fill(model, me.personId());
            model.addAttribute("errors", e.byField());
            model.addAttribute("failedForm", promptDay == null ? "free" : "prompt");
            model.addAttribute("failedText", text);
            return "recovery/journal";
        }
        flash.addFlashAttribute("flash", "recovery.journal.saved");
        return "redirect:" + JournalTool.PATH;
    }

    @PostMapping(JournalTool.PATH + "/entries/{id}")
    String edit(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id,
                @RequestParam(required = false) String text, Model model, RedirectAttributes flash) {
        try {
            journal.edit(me.personId(), id, text);
        } catch (DomainException.Invalid e) {
            journal.entry(me.personId(), id);
            fill(model, me.personId());
            model.addAttribute("errors", e.byField());
            model.addAttribute("failedForm", id.toString());
            model.addAttribute("failedText", text);
            return "recovery/journal";
        }
        flash.addFlashAttribute("flash", "recovery.journal.saved");
        return "redirect:" + JournalTool.PATH;
    }

    @PostMapping(JournalTool.PATH + "/entries/{id}/delete")
    String delete(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id, RedirectAttributes flash) {
        journal.delete(me.personId(), id);
        flash.addFlashAttribute("flash", "recovery.journal.deleted");
        return "redirect:" + JournalTool.PATH;
    }

    @PostMapping(JournalTool.PATH + "/reminder")
    String reminder(@AuthenticationPrincipal AftercareUser me, @RequestParam(defaultValue = "false") boolean enabled,
                    @RequestParam(required = false) String time, Model model, RedirectAttributes flash) {
        try {
            journal.reminder(me.personId(), enabled ? JournalApiController.time(time) : null);
        } catch (DomainException.Invalid e) {
            fill(model, me.personId());
            model.addAttribute("errors", Map.of("reminderTime",
                messages.getMessage("recovery.journal.reminder.error", null, LocaleContextHolder.getLocale())));
            return "recovery/journal";
        }
        flash.addFlashAttribute("flash", enabled ? "recovery.journal.reminder.on" : "recovery.journal.reminder.off");
        return "redirect:" + JournalTool.PATH;
    }

    private void fill(Model model, UUID personId) {
        Locale locale = LocaleContextHolder.getLocale();
        Journal.State state = journal.state(personId);
        List<Prompt> prompts = IntStream.rangeClosed(1, state.promptsUnlocked())
            .mapToObj(d -> new Prompt(d, promptWords.prompt(d, personId, locale))).toList();
        DateTimeFormatter format = DateTimeFormatter.ofPattern("EEEE d MMMM", locale);
        Map<LocalDate, List<EntryView>> byDay = new LinkedHashMap<>();
        for (Journal.Entry e : state.entries()) {
            byDay.computeIfAbsent(e.writtenOn(), d -> new java.util.ArrayList<>()).add(new EntryView(e.id(),
                e.promptDay() == null ? null : promptWords.prompt(e.promptDay(), personId, locale),
                e.text() == null ? messages.getMessage("recovery.journal.unreadable", null, locale) : e.text()));
        }
        // the newest day first; within a day, in the order written
        List<Day> days = new java.util.ArrayList<>(byDay.entrySet().stream()
            .map(d -> new Day(d.getKey().equals(state.today())
                ? messages.getMessage("recovery.journal.today", null, locale) : d.getKey().format(format),
                d.getValue()))
            .toList());
        java.util.Collections.reverse(days);
        model.addAttribute("journal", state);
        model.addAttribute("prompts", prompts);
        model.addAttribute("todaysPrompt", state.running() ? prompts.get(prompts.size() - 1) : null);
        model.addAttribute("earlierPrompts", state.running() ? prompts.subList(0, prompts.size() - 1) : prompts);
        model.addAttribute("days", days);
        // the short questionnaire, never forced: offered as the journal starts (unless answered this past week),
        // and again while its day-7 or day-30 offer is open
        Instant now = clock.instant();
        List<SelfCompassionMeasure.Answer> answers = measure.answers(personId);
        boolean recent = answers.stream().anyMatch(a -> a.answeredAt().isAfter(now.minus(RECENT_ANSWER)));
        model.addAttribute("measureAtStart", !state.running() && !recent);
        model.addAttribute("measureDue", !state.started() ? null : measure.due(personId)
            .filter(s -> s == SelfCompassionMeasure.Stage.DAY_7 || s == SelfCompassionMeasure.Stage.DAY_30)
            .map(Enum::name).orElse(null));
        LocalTime reminder = state.reminderTime();
        model.addAttribute("reminderTime", reminder == null ? "" : reminder.toString());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
    }

}
