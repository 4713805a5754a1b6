package io.aftercare.care.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import io.aftercare.identity.AuditEntryWords;
import io.aftercare.identity.AuditLog.AuditEntry;

/**
 * A change of the trigger rules in the audit log, in the words of the rules page (when a check-in is offered) rather
 * than the rules as stored.
 */
@Component
class RulesAuditWords implements AuditEntryWords {

    static final String CHANGED = "care.rules.changed";

    private final MessageSource messages;

    RulesAuditWords(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public Optional<Words> describe(AuditEntry entry) {
        if (!CHANGED.equals(entry.action())) {
            return Optional.empty();
        }
        Map<String, String> f = AuditEntryWords.recordFields(entry.detail());
        if (f.isEmpty()) {
            return Optional.of(new Words(message("audit.on." + CHANGED), entry.detail()));
        }
        List<String> when = new ArrayList<>();
        if (on(f, "severityOn")) {
            when.add(clause("care.rules.plain.severity", f.get("maxSeverity")));
        }
        if (on(f, "durationOn")) {
            when.add(clause("care.rules.plain.duration", f.get("minDurationMinutes")));
        }
        if (on(f, "sleepOn")) {
            when.add(clause("care.rules.plain.sleep", f.get("sleepStart"), f.get("sleepEnd")));
        }
        if (on(f, "commanderOn")) {
            when.add(clause("care.rules.plain.commander"));
        }
        String detail = when.isEmpty() ? message("care.rules.plain.none")
            : message("care.audit.rules", String.join(", ", when));
        return Optional.of(new Words(message("audit.on." + CHANGED), detail));
    }

    private static boolean on(Map<String, String> fields, String name) {
        return "true".equals(fields.get(name));
    }

    /** One of the rules page's clauses, without the comma or full stop that ends it in that page's list. */
    private String clause(String key, Object... args) {
        String text = message(key, args);
        return text.endsWith(",") || text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
