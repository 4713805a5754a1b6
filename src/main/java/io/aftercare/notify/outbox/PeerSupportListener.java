package io.aftercare.notify.outbox;

import java.time.Clock;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.aftercare.care.CheckInSuggested;
import io.aftercare.peersupport.NudgeWithdrawn;
import io.aftercare.peersupport.OutreachNudged;
import io.aftercare.peersupport.SupportFound;
import io.aftercare.peersupport.SupportReassigned;
import io.aftercare.peersupport.SupportRequested;
import io.aftercare.peersupport.SupportWaiting;
import io.aftercare.peersupport.SupportWaitingNotice;

/**
 * Peer support's messages: a nudge to the teammate or lead it was delivered to, and a request to the supporter it
 * was assigned (or moved, or given by a coordinator's "Try again") to; to the person who asked, that nobody is free
 * yet and, later, that someone is; to coordinators, once a day, that requests are waiting; and a lead's suggested
 * check-in to the person it is for. Like check-ins: one inbox message and one on the recipient's first outward
 * channel, timed by {@link SendTime}, idempotent per (notification, recipient, channel). The rows name neither the
 * person a nudge is about, nor the person who asked, nor the lead who suggested: the app shows what each may see.
 * A nudge taken back leaves the inbox, and its messages not yet sent are not sent.
 */
@Component
class PeerSupportListener {

    private final Outbox outbox;
    private final PersonalMessages messages;
    private final Clock clock;

    PeerSupportListener(Outbox outbox, PersonalMessages messages, Clock clock) {
        this.outbox = outbox;
        this.messages = messages;
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
            // one message per assignment: a supporter may be given the same request again after a "Try again"
            String assignment = reassigned.acknowledgeBy() == null ? ""
                : ":" + reassigned.acknowledgeBy().toEpochMilli();
            add("support:" + reassigned.requestId() + ":" + reassigned.toSupporterId() + assignment,
                reassigned.toSupporterId(), MessageText.SUPPORT_REQUEST);
        }
    }

    @ApplicationModuleListener
    void on(SupportWaiting waiting) {
        add("support-waiting:" + waiting.requestId() + ":" + waiting.at().toEpochMilli(), waiting.personId(),
            MessageText.SUPPORT_WAITING);
    }

    @ApplicationModuleListener
    void on(SupportFound found) {
        add("support-found:" + found.requestId() + ":" + found.at().toEpochMilli(), found.personId(),
            MessageText.SUPPORT_FOUND);
    }

    @ApplicationModuleListener
    void on(SupportWaitingNotice notice) {
        for (UUID coordinator : notice.coordinatorIds()) {
            add("support-waiting-notice:" + notice.noticeId(), coordinator, MessageText.SUPPORT_WAITING_COORDINATOR);
        }
    }

    @ApplicationModuleListener
    void on(CheckInSuggested suggested) {
        add("suggestion:" + suggested.suggestionId(), suggested.personId(), MessageText.CHECK_IN_SUGGESTED);
    }

    @ApplicationModuleListener
    void on(NudgeWithdrawn withdrawn) {
        outbox.withdraw("nudge:" + withdrawn.nudgeId(), clock.instant());
    }

    private void add(String notification, UUID recipient, String kind) {
        messages.send(recipient, notification, ":" + recipient, PersonalMessages.Message.of(kind, 0));
    }
}
