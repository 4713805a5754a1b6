package io.aftercare.notify.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.aftercare.care.CareCases;
import io.aftercare.care.CheckInDue;
import io.aftercare.directory.Directory;
import io.aftercare.directory.PersonRef;
import io.aftercare.notify.preferences.Preferences;

/**
 * A check-in, follow-up or reminder fell due: one inbox message, and one message on the person's first outward
 * channel, timed by {@link SendTime}. Runs in the event's own transaction, so the rows and the event's completion
 * commit together; the idempotency keys make a redelivered event change nothing.
 */
@Component
class CheckInDueListener {

    private final Outbox outbox;
    private final Directory directory;
    private final CareCases care;
    private final Preferences preferences;
    private final NotifyProperties properties;
    private final Clock clock;

    CheckInDueListener(Outbox outbox, Directory directory, CareCases care, Preferences preferences,
                       NotifyProperties properties, Clock clock) {
        this.outbox = outbox;
        this.directory = directory;
        this.care = care;
        this.preferences = preferences;
        this.properties = properties;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(CheckInDue due) {
        Optional<PersonRef> found = directory.person(due.personId());
        if (found.isEmpty() || care.hasOptedOut(due.personId())) {
            return;
        }
        PersonRef person = found.get();
        Instant now = clock.instant();
        String notification = "step:" + due.stepId() + (due.reminder() ? ":reminder" : "");
        outbox.add(notification + ":INBOX:" + person.id(), person.id(), Outbox.INBOX, due.kind(), due.stepId(),
            due.caseId(), due.day(), due.reminder(), now, now);
        Optional<Channel> channel = preferences.channelFor(person);
        if (channel.isEmpty()) {
            return;
        }
        Preferences.Effective prefs = preferences.effective(person);
        Instant earliest = due.dueAt() != null && due.dueAt().isAfter(now) ? due.dueAt() : now;
        Instant at = SendTime.decide(earliest, prefs.quietHours(person.timeZone()), prefs.pausedUntil(),
            outbox.outwardTimes(person.id(), earliest.minus(Duration.ofDays(2))), properties.dailyCap());
        String name = channel.get().name();
        outbox.add(notification + ":" + name + ":" + person.id(), person.id(), name, due.kind(), due.stepId(),
            due.caseId(), due.day(), due.reminder(), at, now);
    }
}
