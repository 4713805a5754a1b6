package io.aftercare.notify.outbox;

import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.aftercare.recovery.JournalPromptReady;
import io.aftercare.recovery.PlanReminderDue;

/**
 * Recovery's reminders, to the person alone: the journal's daily prompt ("Your journal prompt for today is ready"),
 * and the day-before reminder of a plan for the next shift. Never anything the person wrote or planned. Like
 * check-ins: one inbox message and one on their first outward channel, timed by {@link SendTime}, idempotent per
 * notification and channel.
 */
@Component
class RecoveryListener {

    private final PersonalMessages messages;

    RecoveryListener(PersonalMessages messages) {
        this.messages = messages;
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

    private void send(UUID personId, String notification, String suffix, String kind, int day) {
        messages.send(personId, notification, suffix, PersonalMessages.Message.of(kind, day));
    }
}
