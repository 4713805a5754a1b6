package io.aftercare.recovery.journal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.github.kagkarlsson.scheduler.SchedulerClient;

import io.aftercare.crypto.KeyDestroyedException;
import io.aftercare.crypto.PersonalEncryption;
import io.aftercare.directory.Directory;
import io.aftercare.directory.PersonRef;
import io.aftercare.directory.QuietHours;
import io.aftercare.recovery.JournalPromptReady;
import io.aftercare.shared.DbTime;
import io.aftercare.shared.DomainException;

/**
 * The one-week self-compassion journal of one person, for that person alone: starting it, one prompt a day from the
 * day it was started (in their time zone), entries encrypted with their own key, and daily reminders only if they
 * turned them on. Every method takes the signed-in person's id; another person's entry is "not found". Nothing here
 * is logged, counted or passed on.
 */
@Service
public class Journal {

    /** Longest entry, in characters. */
    static final int MAX_TEXT = 20_000;

    private final JdbcClient jdbc;
    private final PersonalEncryption encryption;
    private final Directory directory;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final Clock clock;

    Journal(JdbcClient jdbc, PersonalEncryption encryption, Directory directory, ApplicationEventPublisher events,
            ObjectProvider<SchedulerClient> scheduler, Clock clock) {
        this.jdbc = jdbc;
        this.encryption = encryption;
        this.directory = directory;
        this.events = events;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /**
     * The journal's state today.
     *
     * @param startedOn    the journal's first day, or null when never started
     * @param day          today's day of the journal (1 on the day it started; more than 7 once it is over), or 0
     * @param reminderTime the local time of the daily reminder, or null when reminders are off
     */
    public record State(LocalDate startedOn, int day, LocalTime reminderTime, LocalDate today, List<Entry> entries) {

        public boolean started() {
            return startedOn != null;
        }

        /** Started, and within its seven days. */
        public boolean running() {
            return started() && day >= 1 && day <= ReminderTime.DAYS;
        }

        /** The prompts shown today: day 1 up to today's (all seven once the week is over). */
        public int promptsUnlocked() {
            return started() ? Math.min(day, ReminderTime.DAYS) : 0;
        }
    }

    /** One entry, decrypted for its writer; {@code text} is null if their key was destroyed. */
    public record Entry(UUID id, Integer promptDay, LocalDate writtenOn, String text, Instant createdAt,
                        Instant updatedAt) {
    }

    record Row(LocalDate startedOn, LocalTime reminderTime, Instant nextReminderAt) {
    }

    // ---------------------------------------------------------------- reading

    @Transactional(readOnly = true)
    public State state(UUID personId) {
        return state(personId, true);
    }

    /**
     * The journal's state today without its entries (an empty list): for a card that says only whether it runs and
     * which day it is, so that no entry is read and decrypted for it.
     */
    @Transactional(readOnly = true)
    public State stateWithoutEntries(UUID personId) {
        return state(personId, false);
    }

    private State state(UUID personId, boolean withEntries) {
        ZoneId zone = zone(personId);
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        Optional<Row> row = row(personId);
        int day = row.map(r -> (int) ChronoUnit.DAYS.between(r.startedOn(), today) + 1).orElse(0);
        return new State(row.map(Row::startedOn).orElse(null), day, row.map(Row::reminderTime).orElse(null), today,
            withEntries ? entries(personId) : List.of());
    }

    List<Entry> entries(UUID personId) {
        return jdbc.sql("""
                SELECT id, prompt_day, written_on, text_ciphertext, created_at, updated_at FROM recovery_journal_entry
                WHERE person_id = ? ORDER BY written_on, created_at""")
            .param(personId)
            .query((rs, n) -> {
                UUID id = rs.getObject("id", UUID.class);
                Object day = rs.getObject("prompt_day");
                return new Entry(id, day == null ? null : ((Number) day).intValue(),
                    rs.getObject("written_on", LocalDate.class), decrypt(personId, id, rs.getBytes("text_ciphertext")),
                    DbTime.instant(rs, "created_at"), DbTime.instant(rs, "updated_at"));
            })
            .list();
    }

    /** One of the person's own entries; another person's is not found. */
    @Transactional(readOnly = true)
    public Entry entry(UUID personId, UUID entryId) {
        return entries(personId).stream().filter(e -> e.id().equals(entryId)).findFirst()
            .orElseThrow(() -> DomainException.notFound("Journal entry"));
    }

    // ---------------------------------------------------------------- writing

    /** Starts the journal today; a journal still in its seven days cannot be started again. */
    @Transactional
    public State start(UUID personId) {
        State state = state(personId);
        if (state.running()) {
            throw DomainException.conflict("Your journal is already running: day " + state.day() + " of 7.");
        }
        LocalTime reminder = state.reminderTime();
        jdbc.sql("DELETE FROM recovery_journal WHERE person_id = ?").param(personId).update();
        jdbc.sql("INSERT INTO recovery_journal (person_id, started_on, started_at, reminder_time) VALUES (?, ?, ?, ?)")
            .params(personId, state.today(), DbTime.toDb(clock.instant()), reminder)
            .update();
        scheduleReminder(personId);
        return state(personId);
    }

    /**
     * Writes an entry dated today.
     *
     * @param promptDay the prompt it answers (1 up to today's day), or null for free writing
     */
    @Transactional
    public Entry write(UUID personId, String text, Integer promptDay) {
        State state = state(personId);
        String clean = text(text);
        if (promptDay != null && (!state.started() || promptDay < 1 || promptDay > state.promptsUnlocked())) {
            throw DomainException.invalid("promptDay", state.started()
                ? "must be a day from 1 to " + state.promptsUnlocked() : "there are no prompts before the journal starts");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO recovery_journal_entry (id, person_id, prompt_day, written_on, text_ciphertext, created_at,
                                                    updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)""")
            .params(id, personId, promptDay, state.today(), encrypt(personId, id, clean), DbTime.toDb(now),
                DbTime.toDb(now))
            .update();
        return entry(personId, id);
    }

    /** Replaces the text of one of the person's own entries. */
    @Transactional
    public Entry edit(UUID personId, UUID entryId, String text) {
        String clean = text(text);
        int changed = jdbc.sql("""
                UPDATE recovery_journal_entry SET text_ciphertext = ?, updated_at = ? WHERE id = ? AND person_id = ?""")
            .params(encrypt(personId, entryId, clean), DbTime.toDb(clock.instant()), entryId, personId)
            .update();
        if (changed == 0) {
            throw DomainException.notFound("Journal entry");
        }
        return entry(personId, entryId);
    }

    /** Deletes one of the person's own entries for good. */
    @Transactional
    public void delete(UUID personId, UUID entryId) {
        int deleted = jdbc.sql("DELETE FROM recovery_journal_entry WHERE id = ? AND person_id = ?")
            .params(entryId, personId).update();
        if (deleted == 0) {
            throw DomainException.notFound("Journal entry");
        }
    }

    /**
     * Turns the daily reminder on at a local time, or off (null). It can be chosen before the journal starts; it
     * only runs during the journal's seven days.
     */
    @Transactional
    public State reminder(UUID personId, LocalTime time) {
        if (row(personId).isEmpty()) {
            throw DomainException.conflict("Start the journal first; then you can choose a reminder.");
        }
        jdbc.sql("UPDATE recovery_journal SET reminder_time = ? WHERE person_id = ?")
            .params(time == null ? null : time.withSecond(0).withNano(0), personId).update();
        scheduleReminder(personId);
        return state(personId);
    }

    private static String text(String text) {
        String clean = text == null ? "" : text.strip();
        if (clean.isEmpty()) {
            throw DomainException.invalid("text", "is required");
        }
        if (clean.length() > MAX_TEXT) {
            throw DomainException.invalid("text", "must be at most " + MAX_TEXT + " characters");
        }
        return clean;
    }

    // ---------------------------------------------------------------- reminders

    /** Cancels any reminder job of the person's and schedules the next one, if reminders are on and days are left. */
    private void scheduleReminder(UUID personId) {
        cancelReminders(personId);
        Row row = row(personId).orElse(null);
        Optional<ReminderTime.Reminder> next = row == null || row.reminderTime() == null ? Optional.empty()
            : ReminderTime.next(row.startedOn(), row.reminderTime(), quietHours(personId), clock.instant());
        schedule(personId, next);
    }

    private void schedule(UUID personId, Optional<ReminderTime.Reminder> next) {
        jdbc.sql("UPDATE recovery_journal SET next_reminder_at = ? WHERE person_id = ?")
            .params(next.map(r -> DbTime.toDb(r.at())).orElse(null), personId).update();
        next.ifPresent(r -> scheduler.getObject().schedule(
            JournalScheduling.REMINDER_DUE.instance(personId + ":" + r.at().toEpochMilli()).scheduledTo(r.at())));
    }

    void cancelReminders(UUID personId) {
        jdbc.sql("DELETE FROM scheduled_tasks WHERE task_name = ? AND task_instance LIKE ? AND picked = FALSE")
            .params(JournalScheduling.REMINDER_DUE.getTaskName(), personId + ":%").update();
    }

    /**
     * A reminder job ran ({@code instance} is {@code <person>:<epoch millis>}): if it is still the one due, the
     * person hears that today's prompt is ready, and the next day's reminder is scheduled.
     */
    @Transactional
    void reminderDue(String instance) {
        int colon = instance.indexOf(':');
        UUID personId = UUID.fromString(instance.substring(0, colon));
        Instant due = Instant.ofEpochMilli(Long.parseLong(instance.substring(colon + 1)));
        Row row = row(personId).orElse(null);
        if (row == null || row.reminderTime() == null || row.nextReminderAt() == null
            || !row.nextReminderAt().equals(due)) {
            return;
        }
        QuietHours quiet = quietHours(personId);
        ReminderTime.next(row.startedOn(), row.reminderTime(), quiet, due.minusMillis(1))
            .filter(r -> r.at().equals(due))
            .ifPresent(r -> events.publishEvent(new JournalPromptReady(personId, r.day(), due)));
        schedule(personId, ReminderTime.next(row.startedOn(), row.reminderTime(), quiet, due));
    }

    // ---------------------------------------------------------------- helpers

    Optional<Row> row(UUID personId) {
        return jdbc.sql("SELECT started_on, reminder_time, next_reminder_at FROM recovery_journal WHERE person_id = ?")
            .param(personId)
            .query((rs, n) -> new Row(rs.getObject("started_on", LocalDate.class),
                rs.getObject("reminder_time", LocalTime.class), DbTime.instant(rs, "next_reminder_at")))
            .optional();
    }

    private ZoneId zone(UUID personId) {
        return directory.person(personId).map(PersonRef::timeZone).orElse(ZoneOffset.UTC);
    }

    private QuietHours quietHours(UUID personId) {
        return directory.person(personId).map(PersonRef::quietHours).orElse(QuietHours.none(ZoneOffset.UTC));
    }

    private byte[] encrypt(UUID personId, UUID entryId, String text) {
        return encryption.encryptText(personId, text, context(entryId));
    }

    private String decrypt(UUID personId, UUID entryId, byte[] ciphertext) {
        try {
            return encryption.decryptText(personId, ciphertext, context(entryId));
        } catch (KeyDestroyedException e) {
            return null;
        }
    }

    private static String context(UUID entryId) {
        return "recovery.journal:" + entryId;
    }
}
