package io.aftercare.notify.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.aftercare.directory.Directory;
import io.aftercare.directory.PersonRef;
import io.aftercare.notify.preferences.Preferences;
import io.aftercare.recovery.PlanReminderDue;

/**
 * Recovery's reminder of a plan for the next shift, to the person alone: one inbox message and one on their first
 * outward channel, timed by {@link SendTime} like every other message; the rows say nothing of the plan.
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
    void on(PlanReminderDue due) {
        Optional<PersonRef> found = directory.person(due.personId());
        if (found.isEmpty()) {
            return;
        }
        PersonRef person = found.get();
        String notification = "plan-reminder:" + due.planId();
        Instant now = clock.instant();
        outbox.add(notification + ":INBOX:" + person.id(), person.id(), Outbox.INBOX, MessageText.PLAN_REMINDER,
            null, null, 0, false, now, now);
        Optional<Channel> channel = preferences.channelFor(person);
        if (channel.isEmpty()) {
            return;
        }
        Preferences.Effective prefs = preferences.effective(person);
        Instant at = SendTime.decide(now, prefs.quietHours(person.timeZone()), prefs.pausedUntil(),
            outbox.outwardTimes(person.id(), now.minus(Duration.ofDays(2))), properties.dailyCap());
        String name = channel.get().name();
        outbox.add(notification + ":" + name + ":" + person.id(), person.id(), name, MessageText.PLAN_REMINDER, null,
            null, 0, false, at, now);
    }
}
