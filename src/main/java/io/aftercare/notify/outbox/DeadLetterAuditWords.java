package io.aftercare.notify.outbox;

import java.util.List;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import io.aftercare.directory.Directory;
import io.aftercare.directory.PersonRef;
import io.aftercare.identity.AuditEntryWords;
import io.aftercare.identity.AuditLog.AuditEntry;

/**
 * A retried dead letter in the audit log, as the dead-letter page shows it: to whom, and by which channel. Never
 * what the message said. When the message or its person is gone, the log's own short form stands.
 */
@Component
class DeadLetterAuditWords implements AuditEntryWords {

    static final String RETRY = "notify.dead-letter.retry";

    private final Outbox outbox;
    private final Directory directory;
    private final MessageSource messages;

    DeadLetterAuditWords(Outbox outbox, Directory directory, MessageSource messages) {
        this.outbox = outbox;
        this.directory = directory;
        this.messages = messages;
    }

    @Override
    public Optional<Words> describe(AuditEntry entry) {
        if (!RETRY.equals(entry.action())) {
            return Optional.empty();
        }
        return AuditEntryWords.targetId(entry).flatMap(outbox::find)
            .flatMap(m -> directory.people(List.of(m.personId())).stream().findFirst().map(PersonRef::name)
                .map(name -> new Words(messages.getMessage("notify.audit.deadLetter.to",
                    new Object[] {name, channel(m.channel())}, LocaleContextHolder.getLocale()), null)));
    }

    private String channel(String channel) {
        return messages.getMessage("notify.dead.channel." + channel, null, channel, LocaleContextHolder.getLocale());
    }
}
