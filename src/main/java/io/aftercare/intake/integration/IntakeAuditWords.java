package io.aftercare.intake.integration;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import io.aftercare.directory.Directory;
import io.aftercare.directory.PersonRef;
import io.aftercare.identity.AuditEntryWords;
import io.aftercare.identity.AuditLog.AuditEntry;
import io.aftercare.intake.source.GenericEventParser;

/**
 * Intake's entries of the audit log in words: an integration by its name (the one the entry kept when it has since
 * been removed) and its tool, how long a replaced secret is still accepted, and whom a user of an alerting tool was
 * matched to, by name rather than by id.
 */
@Component
class IntakeAuditWords implements AuditEntryWords {

    private static final String INTEGRATION = "intake.integration.";
    private static final String MAPPED = "intake.identity.mapped";
    /** As {@code UnmatchedIdentities} writes it: the tool, the person's id, how many incidents they were added to. */
    private static final Pattern MAPPING =
        Pattern.compile("(\\S+) identity mapped to person (\\S+) in (\\d+) incidents");
    private static final String UNTIL = "previous secret valid until ";

    private final Integrations integrations;
    private final Directory directory;
    private final MessageSource messages;

    IntakeAuditWords(Integrations integrations, Directory directory, MessageSource messages) {
        this.integrations = integrations;
        this.directory = directory;
        this.messages = messages;
    }

    @Override
    public Optional<Words> describe(AuditEntry entry) {
        if (entry.action().startsWith(INTEGRATION)) {
            return Optional.of(integration(entry));
        }
        if (MAPPED.equals(entry.action())) {
            return Optional.of(mapping(entry));
        }
        return Optional.empty();
    }

    private Words integration(AuditEntry entry) {
        String detail = entry.detail() == null ? "" : entry.detail();
        // created and removed: "<tool> <name>"
        int space = detail.indexOf(' ');
        Optional<IntegrationType> kept = space > 0 && !detail.startsWith(UNTIL)
            ? IntegrationType.parse(detail.substring(0, space)) : Optional.empty();
        Optional<Integration> now = AuditEntryWords.targetId(entry).flatMap(integrations::find);
        String name = now.map(Integration::name)
            .orElse(kept.isPresent() ? detail.substring(space + 1) : message("audit.on." + entry.action()));
        Optional<IntegrationType> type = now.map(Integration::type).or(() -> kept);
        if (detail.startsWith(UNTIL)) {
            return new Words(name, overlap(entry.at(), detail.substring(UNTIL.length())));
        }
        return new Words(name, type.map(t -> message("intake.type." + t.slug())).orElse(null));
    }

    private String overlap(Instant at, String until) {
        try {
            // to the nearest hour: the entry is written a moment after the time the overlap counts from
            long hours = Duration.between(at, Instant.parse(until)).plusMinutes(30).toHours();
            return message("intake.audit.secretOverlap", hours);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private Words mapping(AuditEntry entry) {
        String on = message("audit.on." + MAPPED);
        Matcher m = MAPPING.matcher(entry.detail() == null ? "" : entry.detail());
        if (!m.matches()) {
            return new Words(on, entry.detail());
        }
        String tool = messages.getMessage("intake.type." + m.group(1), null, m.group(1),
            LocaleContextHolder.getLocale());
        String person = AuditEntryWords.uuid(m.group(2)).flatMap(directory::person).map(PersonRef::name)
            .orElse(message("audit.actor.gone"));
        // people named only by their e-mail address (generic events, imported history) come from no one tool
        String key = GenericEventParser.EMAIL.equals(m.group(1)) ? "intake.audit.mapped.email" : "intake.audit.mapped";
        return new Words(on, message(key, tool, person, Integer.parseInt(m.group(3))));
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
