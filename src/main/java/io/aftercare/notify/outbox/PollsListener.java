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
import io.aftercare.polls.PollInvitation;

/**
 * A poll's invitation when its round opens, and its one reminder before the close to people who have not answered:
 * to the person alone, never anything anyone answered. Like recovery's reminders: one inbox message and one on the
 * person's first outward channel, timed by {@link SendTime} (quiet hours, pause, daily cap), idempotent per round,
 * channel and person.
 */
@Component
class PollsListener {

    private final Outbox outbox;
    private final Directory directory;
    private final Preferences preferences;
    private final NotifyProperties properties;
    private final Clock clock;

    PollsListener(Outbox outbox, Directory directory, Preferences preferences, NotifyProperties properties,
                  Clock clock) {
        this.outbox = outbox;
        this.directory = directory;
        this.preferences = preferences;
        this.properties = properties;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(PollInvitation invitation) {
        Optional<PersonRef> found = directory.person(invitation.personId());
        if (found.isEmpty()) {
            return;
        }
        PersonRef person = found.get();
        String kind = invitation.reminder() ? MessageText.POLL_REMINDER : MessageText.POLL_INVITATION;
        String key = "poll:" + invitation.pollId() + ":" + invitation.roundId() + ":"
            + (invitation.reminder() ? "reminder" : "invitation");
        Instant now = clock.instant();
        outbox.add(key + ":INBOX:" + person.id(), person.id(), Outbox.INBOX, kind, null, null, 0,
            invitation.reminder(), now, now);
        Optional<Channel> channel = preferences.channelFor(person);
        if (channel.isEmpty()) {
            return;
        }
        Preferences.Effective prefs = preferences.effective(person);
        Instant at = SendTime.decide(now, prefs.quietHours(person.timeZone()), prefs.pausedUntil(),
            outbox.outwardTimes(person.id(), now.minus(Duration.ofDays(2))), properties.dailyCap());
        outbox.add(key + ":" + channel.get().name() + ":" + person.id(), person.id(), channel.get().name(), kind,
            null, null, 0, invitation.reminder(), at, now);
    }
}
