package io.aftercare.notify.webhooks;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import io.aftercare.identity.AuditEntryWords;
import io.aftercare.identity.AuditLog.AuditEntry;

/**
 * The webhook entries of the audit log in words: the subscription by its name (from the entry when it has since
 * been deleted), and its events as the webhooks page names them ("A care case was opened").
 */
@Component
class WebhookAuditWords implements AuditEntryWords {

    private static final String PREFIX = "notify.webhook.";

    private final WebhookStore store;
    private final MessageSource messages;

    WebhookAuditWords(WebhookStore store, MessageSource messages) {
        this.store = store;
        this.messages = messages;
    }

    @Override
    public Optional<Words> describe(AuditEntry entry) {
        if (!entry.action().startsWith(PREFIX)) {
            return Optional.empty();
        }
        String detail = entry.detail() == null ? "" : entry.detail();
        // created: "<name> <event,event>"; changed: "enabled|disabled <event,event>"; deleted: nothing
        int lastSpace = detail.lastIndexOf(' ');
        String head = lastSpace < 0 ? "" : detail.substring(0, lastSpace);
        String events = lastSpace < 0 ? "" : events(detail.substring(lastSpace + 1));
        String name = AuditEntryWords.targetId(entry).flatMap(store::find).map(Subscription::name)
            .orElse(entry.action().endsWith(".created") && !head.isEmpty() ? head
                : message("notify.audit.webhook.gone"));
        String words = switch (entry.action()) {
            case PREFIX + "created" -> events.isEmpty() ? null : message("notify.audit.webhook.sends", events);
            case PREFIX + "changed" -> events.isEmpty() ? null
                : message("enabled".equals(head) ? "notify.audit.webhook.on" : "notify.audit.webhook.off", events);
            default -> null;
        };
        return Optional.of(new Words(name, words));
    }

    private String events(String codes) {
        return Arrays.stream(codes.split(",")).filter(c -> !c.isBlank())
            .map(c -> messages.getMessage("notify.webhooks.event." + c, null, c, LocaleContextHolder.getLocale()))
            .collect(Collectors.joining("; "));
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
