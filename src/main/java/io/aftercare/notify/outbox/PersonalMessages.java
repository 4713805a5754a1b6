package io.aftercare.notify.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.aftercare.directory.Directory;
import io.aftercare.directory.PersonRef;
import io.aftercare.notify.preferences.Preferences;

/**
 * How a message to one person is queued, the same for check-ins, peer support and recovery: one inbox row now, and
 * one row on the person's first outward channel (if they have one), timed by {@link SendTime} from the earliest
 * moment it may go. Each row's key is the notification, the channel and the suffix, so a redelivered event adds
 * nothing.
 */
@Component
class PersonalMessages {

    /** What a message is: its kind, and for check-ins the step, case, day and whether it is a reminder. */
    record Message(String kind, UUID stepId, UUID caseId, int day, boolean reminder) {

        static Message of(String kind, int day) {
            return new Message(kind, null, null, day, false);
        }
    }

    private final Outbox outbox;
    private final Directory directory;
    private final Preferences preferences;
    private final NotifyProperties properties;
    private final Clock clock;

    PersonalMessages(Outbox outbox, Directory directory, Preferences preferences, NotifyProperties properties,
                     Clock clock) {
        this.outbox = outbox;
        this.directory = directory;
        this.preferences = preferences;
        this.properties = properties;
        this.clock = clock;
    }

    /** Queues the message for the person, now; nothing when the person is no longer in the directory. */
    void send(UUID personId, String notification, String suffix, Message message) {
        directory.person(personId).ifPresent(person -> send(person, notification, suffix, message, null));
    }

    /** Queues the message: the inbox row now, the outward one no earlier than {@code earliest} (null: now). */
    void send(PersonRef person, String notification, String suffix, Message message, Instant earliest) {
        Instant now = clock.instant();
        add(notification + ":" + Outbox.INBOX + suffix, person, Outbox.INBOX, message, now, now);
        Optional<Channel> channel = preferences.channelFor(person);
        if (channel.isEmpty()) {
            return;
        }
        Instant from = earliest != null && earliest.isAfter(now) ? earliest : now;
        Preferences.Effective prefs = preferences.effective(person);
        Instant at = SendTime.decide(from, prefs.quietHours(person.timeZone()), prefs.pausedUntil(),
            outbox.outwardTimes(person.id(), from.minus(Duration.ofDays(2))), properties.dailyCap());
        String name = channel.get().name();
        add(notification + ":" + name + suffix, person, name, message, at, now);
    }

    private void add(String key, PersonRef person, String channel, Message m, Instant at, Instant now) {
        outbox.add(key, person.id(), channel, m.kind(), m.stepId(), m.caseId(), m.day(), m.reminder(), at, now);
    }
}
