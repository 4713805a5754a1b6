package io.aftercare.recovery.journal;

import java.net.URI;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.IntStream;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.aftercare.identity.AftercareUser;
import io.aftercare.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The person's own one-week self-compassion journal. Every route answers the caller about themselves only, whatever
 * their roles: another person's entry is "not found", and nobody can read anyone else's journal.
 */
@RestController
@RequestMapping("/api/v1/me/journal")
@PreAuthorize("isAuthenticated()")
@Tag(name = "My journal", description = "Your one-week self-compassion journal. Only you can read it.")
@ApiResponse(responseCode = "401", description = "Not signed in, or the token is unknown, revoked or expired")
class JournalApiController {

    private final Journal journal;

    private final JournalPrompts promptWords;

    JournalApiController(Journal journal, JournalPrompts promptWords) {
        this.journal = journal;
        this.promptWords = promptWords;
    }

    @Schema(name = "Journal")
    record JournalView(@Schema(description = "false until you start it") boolean started,
                       @Schema(description = "the journal's first day, in your time zone") LocalDate startedOn,
                       @Schema(description = "today's day of the journal: 1 on the day you started it, more than 7 "
                           + "once the week is over; 0 before you start") int day,
                       @Schema(description = "true during the seven days") boolean running,
                       @Schema(description = "the prompts you can see today, day 1 up to today's")
                       List<Prompt> prompts,
                       Reminder reminder, List<Journal.Entry> entries) {
    }

    @Schema(name = "JournalPrompt")
    record Prompt(int day, String text) {
    }

    @Schema(name = "JournalReminder")
    record Reminder(boolean enabled,
                    @Schema(description = "local time in your time zone; moved to the end of your quiet hours if "
                        + "it falls inside them", example = "19:30") String time) {
    }

    @Schema(name = "JournalEntryInput")
    record EntryInput(@Schema(description = "what you wrote, at most 20000 characters") String text,
                      @Schema(description = "the prompt's day it answers (1 up to today's), or absent for free "
                          + "writing") Integer promptDay) {
    }

    @Schema(name = "JournalReminderInput")
    record ReminderInput(Boolean enabled, @Schema(example = "19:30") String time) {
    }

    @GetMapping
    @Operation(summary = "Your journal: whether it runs, today's day, the prompts so far, your entries")
    @ApiResponse(responseCode = "200", description = "Your journal")
    JournalView get(@AuthenticationPrincipal AftercareUser me) {
        return view(journal.state(me.personId()), me.personId());
    }

    @PostMapping
    @Operation(summary = "Start your journal today: one prompt a day for seven days")
    @ApiResponse(responseCode = "201", description = "Started; day 1's prompt is there")
    @ApiResponse(responseCode = "409", description = "Your journal is already running")
    ResponseEntity<JournalView> start(@AuthenticationPrincipal AftercareUser me) {
        return ResponseEntity.created(URI.create("/api/v1/me/journal"))
            .body(view(journal.start(me.personId()), me.personId()));
    }

    @PostMapping("/entries")
    @Operation(summary = "Write an entry, dated today (answering a prompt, or free writing)")
    @ApiResponse(responseCode = "201", description = "The entry")
    @ApiResponse(responseCode = "400", description = "The text is missing or too long, or the prompt's day is not "
        + "one you can see yet")
    ResponseEntity<Journal.Entry> write(@AuthenticationPrincipal AftercareUser me,
                                        @RequestBody(required = false) EntryInput body) {
        EntryInput input = body == null ? new EntryInput(null, null) : body;
        Journal.Entry entry = journal.write(me.personId(), input.text(), input.promptDay());
        return ResponseEntity.created(URI.create("/api/v1/me/journal/entries/" + entry.id())).body(entry);
    }

    @PutMapping("/entries/{id}")
    @Operation(summary = "Change the text of one of your entries")
    @ApiResponse(responseCode = "200", description = "The entry")
    @ApiResponse(responseCode = "400", description = "The text is missing or too long")
    @ApiResponse(responseCode = "404", description = "You have no entry with this id")
    Journal.Entry edit(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id,
                       @RequestBody(required = false) EntryInput body) {
        return journal.edit(me.personId(), id, body == null ? null : body.text());
    }

    @DeleteMapping("/entries/{id}")
    @Operation(summary = "Delete one of your entries for good")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "You have no entry with this id")
    ResponseEntity<Void> delete(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id) {
        journal.delete(me.personId(), id);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/reminder")
    @Operation(summary = "Turn the daily reminder on at a time you pick, or off. It never comes in your quiet hours, "
        + "and stops after day 7; it says only that today's prompt is ready")
    @ApiResponse(responseCode = "200", description = "Your journal, with the reminder as set")
    @ApiResponse(responseCode = "400", description = "enabled is missing, or the time is not HH:mm")
    @ApiResponse(responseCode = "409", description = "The journal has not been started")
    JournalView reminder(@AuthenticationPrincipal AftercareUser me, @RequestBody(required = false) ReminderInput body) {
        if (body == null || body.enabled() == null) {
            throw DomainException.invalid("enabled", "is required");
        }
        return view(journal.reminder(me.personId(), body.enabled() ? time(body.time()) : null), me.personId());
    }

    static LocalTime time(String value) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid("time", "is required when the reminder is on");
        }
        try {
            return LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("time", "must be a time of day, HH:mm");
        }
    }

    private JournalView view(Journal.State s, UUID personId) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Prompt> prompts = IntStream.rangeClosed(1, s.promptsUnlocked())
            .mapToObj(d -> new Prompt(d, promptWords.prompt(d, personId, locale)))
            .toList();
        return new JournalView(s.started(), s.startedOn(), s.day(), s.running(), prompts,
            new Reminder(s.reminderTime() != null, s.reminderTime() == null ? null : s.reminderTime().toString()),
            s.entries());
    }
}
