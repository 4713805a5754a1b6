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
    /** A lead: someone in their team shared a plan for a coming shift; names nobody, links to the team's page. */
    public static final String PLAN_SHARED = "PLAN_SHARED";
    /** A poll the person is asked to answer has opened (polls); never anything anyone answered. */
    public static final String POLL_INVITATION = "POLL_INVITATION";
    /** The one reminder, the day before a poll closes, to someone who has not answered it (polls). */
    public static final String POLL_REMINDER = "POLL_REMINDER";

    /** An on-call shift has ended: the end-of-shift question waits on the person's on-call page (insights). */
    public static final String ONCALL_EFFORT = "ONCALL_EFFORT";

    private static final java.util.Map<String, String> OWN_WORDS = java.util.Map.ofEntries(
        java.util.Map.entry(NUDGE, "nudge"),
        java.util.Map.entry(SUPPORT_REQUEST, "supportRequest"),
        java.util.Map.entry(SUPPORT_WAITING, "supportWaiting"),
        java.util.Map.entry(SUPPORT_FOUND, "supportFound"),
        java.util.Map.entry(SUPPORT_WAITING_COORDINATOR, "supportWaitingCoordinator"),
        java.util.Map.entry(CHECK_IN_SUGGESTED, "checkInSuggested"),
        java.util.Map.entry(JOURNAL_PROMPT, "journalPrompt"),
        java.util.Map.entry(PLAN_REMINDER, "planReminder"),
        java.util.Map.entry(PLAN_SHARED, "planShared"),
        java.util.Map.entry(POLL_INVITATION, "pollInvitation"),
        java.util.Map.entry(POLL_REMINDER, "pollReminder"),
        java.util.Map.entry(ONCALL_EFFORT, "oncallEffort"));

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
            case PLAN_SHARED -> "/teams";
            case POLL_INVITATION, POLL_REMINDER -> "/polls";
            case ONCALL_EFFORT -> "/me/oncall";
            default -> "/me";
        };
    }

    /**
     * Where this one message is answered: a nudge opens its own nudge ({@code /nudges/{id}}, which says calmly when
     * it is no longer needed), a shared plan's notice its team's shared plans, a poll's invitation or reminder opens
     * the poll ({@code /polls/{id}}), everything else {@link #path(String)}.
     *
     * @param key the message's idempotency key ({@code nudge:<id>:<channel>:<person>} for a nudge,
     *            {@code poll:<poll>:<round>:…} for a poll)
     */
    public static String path(String kind, String key) {
        // plan-shared:<plan>:<team>:<when>:<channel>:<lead> opens that team's shared plans
        if (PLAN_SHARED.equals(kind) && key != null && key.startsWith("plan-shared:")) {
            String[] parts = key.split(":");
            if (parts.length > 2) {
                try {
                    return "/teams/" + java.util.UUID.fromString(parts[2]) + "/plans";
                } catch (IllegalArgumentException e) {
                    return path(kind);
                }
            }
        }
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
        if ((POLL_INVITATION.equals(kind) || POLL_REMINDER.equals(kind)) && key != null && key.startsWith("poll:")) {
            String[] parts = key.split(":");
            if (parts.length > 1) {
                try {
                    return "/polls/" + java.util.UUID.fromString(parts[1]);
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

    /** The words of one of the end-of-shift question's choices (1 none … 5 everything I had). */
    public String effortChoice(int effort) {
        return msg("oncall.effort." + effort);
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, Locale.ENGLISH);
    }
}
