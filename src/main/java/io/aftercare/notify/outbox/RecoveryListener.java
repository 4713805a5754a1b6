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
import io.aftercare.recovery.JournalPromptReady;

/**
 * The journal's daily reminder, to the person who turned it on: "Your journal prompt for today is ready" and a link,
 * never anything they wrote. Like check-ins: one inbox message and one on their first outward channel, timed by
 * {@link SendTime}, idempotent per (person, day, channel).
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
        Optional<PersonRef> found = directory.person(ready.personId());
        if (found.isEmpty()) {
            return;
        }
        PersonRef person = found.get();
        Instant now = clock.instant();
        String notification = "journal:" + person.id() + ":" + ready.at().toEpochMilli();
        outbox.add(notification + ":INBOX", person.id(), Outbox.INBOX, MessageText.JOURNAL_PROMPT, null, null,
            ready.day(), false, now, now);
        Optional<Channel> channel = preferences.channelFor(person);
        if (channel.isEmpty()) {
            return;
        }
        Preferences.Effective prefs = preferences.effective(person);
        Instant at = SendTime.decide(now, prefs.quietHours(person.timeZone()), prefs.pausedUntil(),
            outbox.outwardTimes(person.id(), now.minus(Duration.ofDays(2))), properties.dailyCap());
        String name = channel.get().name();
        outbox.add(notification + ":" + name, person.id(), name, MessageText.JOURNAL_PROMPT, null, null, ready.day(),
            false, at, now);
    }
}
