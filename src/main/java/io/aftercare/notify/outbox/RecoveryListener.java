package io.aftercare.notify.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.aftercare.directory.Directory;
import io.aftercare.directory.PersonRef;
import io.aftercare.insights.EndOfShiftQuestionAsked;
import io.aftercare.notify.preferences.Preferences;
import io.aftercare.recovery.JournalPromptReady;
import io.aftercare.recovery.PlanReminderDue;

/**
 * Recovery's reminders, to the person alone: the journal's daily prompt ("Your journal prompt for today is ready"),
 * and the day-before reminder of a plan for the next shift. Never anything the person wrote or planned. Like
 * check-ins: one inbox message and one on their first outward channel, timed by {@link SendTime}, idempotent per
 * notification and channel. The end-of-shift question goes the same way: its words ask the question, never an answer.
 */
@Component
class RecoveryListener {

    private final Outbox outbox;
    private final Directory directory;
    private final Preferences preferences;
    private final NotifyProperties properties;
    private final Clock clock;

    RecoveryListener(Outbox outbox, Directory directory, Preferences preferences, NotifyProperties properties,
                     Clock clock) {
        this.outbox = outbox;
        this.directory = directory;
        this.preferences = preferences;
        this.properties = properties;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(JournalPromptReady ready) {
        send(ready.personId(), "journal:" + ready.personId() + ":" + ready.at().toEpochMilli(), "",
            MessageText.JOURNAL_PROMPT, ready.day());
    }

    @ApplicationModuleListener
    void on(PlanReminderDue due) {
        send(due.personId(), "plan-reminder:" + due.planId(), ":" + due.personId(), MessageText.PLAN_REMINDER, 0);
    }

    /** The end-of-shift question (insights): one per shift, asked the same way as recovery's reminders. */
    @ApplicationModuleListener
    void on(EndOfShiftQuestionAsked asked) {
        send(asked.personId(), "oncall-effort:" + asked.questionId(), ":" + asked.personId(),
            MessageText.ONCALL_EFFORT, 0);
    }

    private void send(UUID personId, String notification, String suffix, String kind, int day) {
        Optional<PersonRef> found = directory.person(personId);
        if (found.isEmpty()) {
            return;
        }
        PersonRef person = found.get();
        Instant now = clock.instant();
        outbox.add(notification + ":INBOX" + suffix, person.id(), Outbox.INBOX, kind, null, null, day, false, now, now);
        Optional<Channel> channel = preferences.channelFor(person);
        if (channel.isEmpty()) {
            return;
        }
        Preferences.Effective prefs = preferences.effective(person);
        Instant at = SendTime.decide(now, prefs.quietHours(person.timeZone()), prefs.pausedUntil(),
            outbox.outwardTimes(person.id(), now.minus(Duration.ofDays(2))), properties.dailyCap());
        String name = channel.get().name();
        outbox.add(notification + ":" + name + suffix, person.id(), name, kind, null, null, day, false, at, now);
    }
}
