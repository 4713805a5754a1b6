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
import io.aftercare.notify.preferences.Preferences;
import io.aftercare.peersupport.OutreachNudged;
import io.aftercare.peersupport.SupportReassigned;
import io.aftercare.peersupport.SupportRequested;

/**
 * Peer support's messages: a nudge to the teammate or lead it was delivered to, and a request to the supporter it
 * was assigned (or moved) to. Like check-ins: one inbox message and one on the recipient's first outward channel,
 * timed by {@link SendTime}, idempotent per (nudge or request, recipient, channel). The rows name neither the
 * person the nudge is about nor the person who asked: the app shows that to the recipient.
 */
@Component
class PeerSupportListener {

    private final Outbox outbox;
    private final Directory directory;
    private final Preferences preferences;
    private final NotifyProperties properties;
    private final Clock clock;

    PeerSupportListener(Outbox outbox, Directory directory, Preferences preferences, NotifyProperties properties,
                        Clock clock) {
        this.outbox = outbox;
        this.directory = directory;
        this.preferences = preferences;
        this.properties = properties;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(OutreachNudged nudged) {
        add("nudge:" + nudged.nudgeId(), nudged.nudgedPersonId(), MessageText.NUDGE);
    }

    @ApplicationModuleListener
    void on(SupportRequested requested) {
        if (requested.supporterId() != null) {
            add("support:" + requested.requestId() + ":" + requested.supporterId(), requested.supporterId(),
                MessageText.SUPPORT_REQUEST);
        }
    }

    @ApplicationModuleListener
    void on(SupportReassigned reassigned) {
        if (reassigned.toSupporterId() != null) {
            add("support:" + reassigned.requestId() + ":" + reassigned.toSupporterId(), reassigned.toSupporterId(),
                MessageText.SUPPORT_REQUEST);
        }
    }

    private void add(String notification, UUID recipient, String kind) {
        Optional<PersonRef> found = directory.person(recipient);
        if (found.isEmpty()) {
            return;
        }
        PersonRef person = found.get();
        Instant now = clock.instant();
        outbox.add(notification + ":INBOX:" + person.id(), person.id(), Outbox.INBOX, kind, null, null, 0, false,
            now, now);
        Optional<Channel> channel = preferences.channelFor(person);
        if (channel.isEmpty()) {
            return;
        }
        Preferences.Effective prefs = preferences.effective(person);
        Instant at = SendTime.decide(now, prefs.quietHours(person.timeZone()), prefs.pausedUntil(),
            outbox.outwardTimes(person.id(), now.minus(Duration.ofDays(2))), properties.dailyCap());
        String name = channel.get().name();
        outbox.add(notification + ":" + name + ":" + person.id(), person.id(), name, kind, null, null, 0, false, at,
            now);
    }
}
