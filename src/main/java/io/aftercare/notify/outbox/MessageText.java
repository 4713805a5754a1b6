package io.aftercare.notify.outbox;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The words of a message, from its kind, day and whether it is a reminder: the outbox stores no content. */
@Component
public class MessageText {

    /** @param title a short line (subject, inbox entry); @param body one or two calm sentences; @param action the link's words */
    public record Text(String title, String body, String action, String privacy) {
    }

    private final MessageSource messages;

    MessageText(MessageSource messages) {
        this.messages = messages;
    }

    /** A teammate or lead is asked to say hello to someone after an incident (peer support). */
    public static final String NUDGE = "NUDGE";
    /** A peer supporter is asked to take a request for someone to talk to (peer support). */
    public static final String SUPPORT_REQUEST = "SUPPORT_REQUEST";

    /** The words for a message of that kind and day. */
    public Text of(String kind, int day, boolean reminder) {
        if (NUDGE.equals(kind) || SUPPORT_REQUEST.equals(kind)) {
            String k = NUDGE.equals(kind) ? "nudge" : "supportRequest";
            return new Text(msg("notify.message." + k + ".title"), msg("notify.message." + k + ".body"),
                msg("notify.message." + k + ".action"), msg("notify.message." + k + ".privacy"));
        }
        String k = "FOLLOW_UP".equals(kind) ? "followUp" : "checkIn";
        String title = reminder ? msg("notify.message.reminder.title") : msg("notify.message." + k + ".title", day);
        return new Text(title, msg("notify.message." + k + ".body", day), msg("notify.message." + k + ".action"),
            msg("notify.message.privacy"));
    }

    /** Where a message without a step of its own is answered in the app (nudges, support requests). */
    public static String path(String kind) {
        return switch (kind) {
            case NUDGE -> "/nudges";
            case SUPPORT_REQUEST -> "/support/assigned";
            default -> "/me";
        };
    }

    /** The words for a message. */
    public Text of(OutgoingMessage m) {
        return of(m.kind(), m.day(), m.reminder());
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, Locale.ENGLISH);
    }
}
