package io.aftercare.notify.outbox;

import java.time.Clock;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.aftercare.directory.Directory;
import io.aftercare.recovery.JournalPromptReady;
import io.aftercare.recovery.PlanReminderDue;
import io.aftercare.recovery.PlanShared;
import io.aftercare.recovery.PlanUnshared;

/**
 * Recovery's reminders, to the person alone: the journal's daily prompt ("Your journal prompt for today is ready"),
 * and the day-before reminder of a plan for the next shift. Never anything the person wrote or planned. Like
 * check-ins: one inbox message and one on their first outward channel, timed by {@link SendTime}, idempotent per
 * notification and channel. The end-of-shift question goes the same way: its words ask the question, never an answer.
 */
@Component
class RecoveryListener {

    private final PersonalMessages messages;
    private final Directory directory;
    private final Outbox outbox;
    private final Clock clock;

    RecoveryListener(PersonalMessages messages, Directory directory, Outbox outbox, Clock clock) {
        this.messages = messages;
        this.directory = directory;
        this.outbox = outbox;
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

    /**
     * A person shared a plan: each lead of the shift's team (not the person) is told that a plan was shared and where
     * to see it. The notice names nobody and says nothing of the plan: once sent on a channel it cannot be taken
     * back, and the person may stop sharing; the page shows the plan only while it is shared (decision 0045).
     */
    @ApplicationModuleListener
    void on(PlanShared shared) {
        directory.team(shared.teamId()).ifPresent(team -> team.leads().stream()
            .filter(lead -> !lead.equals(shared.personId()))
            .forEach(lead -> send(lead, sharedNotification(shared.planId()) + ":" + shared.teamId() + ":"
                + shared.sharedAt().toEpochMilli(), ":" + lead, MessageText.PLAN_SHARED, 0)));
    }

    /** The plan is no longer shared: its notices are taken back (inbox entries go, unsent messages are not sent). */
    @ApplicationModuleListener
    void on(PlanUnshared unshared) {
        outbox.withdraw(sharedNotification(unshared.planId()), clock.instant());
    }

    private static String sharedNotification(UUID planId) {
        return "plan-shared:" + planId;
    }

    private void send(UUID personId, String notification, String suffix, String kind, int day) {
        messages.send(personId, notification, suffix, PersonalMessages.Message.of(kind, day));
    }
}
