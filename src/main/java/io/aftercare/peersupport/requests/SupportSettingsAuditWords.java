package io.aftercare.peersupport.requests;

import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import io.aftercare.identity.AuditEntryWords;
import io.aftercare.identity.AuditLog.AuditEntry;

/**
 * A change of peer support's pairing and offer settings in the audit log, in words (whom it never pairs, and from
 * which answers it offers a supporter) rather than the settings as stored.
 */
@Component
class SupportSettingsAuditWords implements AuditEntryWords {

    static final String CHANGED = "support.settings.changed";

    private final MessageSource messages;

    SupportSettingsAuditWords(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public Optional<Words> describe(AuditEntry entry) {
        if (!CHANGED.equals(entry.action())) {
            return Optional.empty();
        }
        String on = message("audit.on." + CHANGED);
        Map<String, String> f = AuditEntryWords.recordFields(entry.detail());
        if (!f.containsKey("offerMinStress")) {
            return Optional.of(new Words(on, entry.detail()));
        }
        boolean team = "true".equals(f.get("excludeSameTeam"));
        boolean line = "true".equals(f.get("excludeSameLine"));
        String pairing = message("support.audit.pairing." + (team && line ? "both" : team ? "team" : line ? "line"
            : "none"));
        String offer = message("true".equals(f.get("offerNeedsSleep")) ? "support.audit.offer.sleep"
            : "support.audit.offer", f.get("offerMinStress"), f.get("offerMinRumination"));
        return Optional.of(new Words(on, pairing + " " + offer));
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
