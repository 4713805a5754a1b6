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
    /** The person who asked for a supporter: nobody eligible is free yet (peer support). */
    public static final String SUPPORT_WAITING = "SUPPORT_WAITING";
    /** The person who asked: after waiting, a supporter has their request now (peer support). */
    public static final String SUPPORT_FOUND = "SUPPORT_FOUND";
    /** Coordinators, once a day: requests are waiting for a supporter; nothing about which (peer support). */
    public static final String SUPPORT_WAITING_COORDINATOR = "SUPPORT_WAITING_COORDINATOR";
    /** A team lead suggested a check-in; the invitation waits on My aftercare (care). */
    public static final String CHECK_IN_SUGGESTED = "CHECK_IN_SUGGESTED";
    /** The person turned on journal reminders: today's prompt is ready (recovery); never what they wrote. */
    public static final String JOURNAL_PROMPT = "JOURNAL_PROMPT";
    /** The day before a shift the person made a plan for: their own reminder (recovery). */
    public static final String PLAN_REMINDER = "PLAN_REMINDER";

    /** An on-call shift has ended: the end-of-shift question waits on the person's on-call page (insights). */
    public static final String ONCALL_EFFORT = "ONCALL_EFFORT";

    private static final java.util.Map<String, String> OWN_WORDS = java.util.Map.of(NUDGE, "nudge",
        SUPPORT_REQUEST, "supportRequest", SUPPORT_WAITING, "supportWaiting", SUPPORT_FOUND, "supportFound",
        SUPPORT_WAITING_COORDINATOR, "supportWaitingCoordinator", CHECK_IN_SUGGESTED, "checkInSuggested",
        JOURNAL_PROMPT, "journalPrompt", PLAN_REMINDER, "planReminder", ONCALL_EFFORT, "oncallEffort");

    /** The words for a message of that kind and day. */
    public Text of(String kind, int day, boolean reminder) {
        if (OWN_WORDS.containsKey(kind)) {
            String k = OWN_WORDS.get(kind);
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
            case SUPPORT_WAITING, SUPPORT_FOUND -> "/support";
            case SUPPORT_WAITING_COORDINATOR -> "/programme/support";
            case JOURNAL_PROMPT -> "/me/recovery/journal";
            case PLAN_REMINDER -> "/me/recovery/plans";
            case ONCALL_EFFORT -> "/me/oncall";
            default -> "/me";
        };
    }

    /**
     * Where this one message is answered: a nudge opens its own nudge ({@code /nudges/{id}}, which says calmly when
     * it is no longer needed), everything else {@link #path(String)}.
     *
     * @param key the message's idempotency key ({@code nudge:<id>:<channel>:<person>} for a nudge)
     */
    public static String path(String kind, String key) {
        if (NUDGE.equals(kind) && key != null && key.startsWith("nudge:")) {
            String[] parts = key.split(":");
            if (parts.length > 1) {
                try {
                    return "/nudges/" + java.util.UUID.fromString(parts[1]);
                } catch (IllegalArgumentException e) {
                    return path(kind);
                }
            }
        }
        return path(kind);
    }

    /** The words for a message. */
    public Text of(OutgoingMessage m) {
        return of(m.kind(), m.day(), m.reminder());
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, Locale.ENGLISH);
    }
}
