package io.aftercare.recovery.journal;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.aftercare.care.RecoveryTools;
import io.aftercare.care.SupportOfferHook;

/**
 * The journal on the person's own pages: a card on My aftercare and on the recovery page (start it, or today's
 * day), and an offer on the thank-you page after a check-in with stress 4 or 5, or a follow-up whose "going over
 * it" items average 3 or more, unless a journal is already running. The answers are only looked at, never kept.
 */
@Component
@Order(10)
class JournalTool implements RecoveryTools {

    static final String PATH = "/me/recovery/journal";

    private final Journal journal;
    private final MessageSource messages;

    JournalTool(Journal journal, MessageSource messages) {
        this.journal = journal;
        this.messages = messages;
    }

    @Override
    public List<Link> onMyAftercare(UUID personId, Locale locale) {
        Journal.State state = journal.stateWithoutEntries(personId);
        if (state.running()) {
            return List.of(new Link(msg("recovery.journal.card.running", locale, state.day()), PATH,
                msg("recovery.journal.card.running.detail", locale)));
        }
        return List.of(new Link(msg("recovery.journal.card.start", locale), PATH,
            msg("recovery.journal.card.start.detail", locale)));
    }

    @Override
    public List<Link> afterAnswer(UUID personId, UUID caseId, SupportOfferHook.OwnAnswers answers, Locale locale) {
        boolean stressed = answers.stress() != null && answers.stress() >= 4;
        boolean goingOverIt = answers.day1RuminationMean() != null && answers.day1RuminationMean() >= 3;
        if ((!stressed && !goingOverIt) || journal.stateWithoutEntries(personId).running()) {
            return List.of();
        }
        return List.of(new Link(msg("recovery.journal.offer", locale), PATH,
            msg("recovery.journal.offer.detail", locale)));
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
