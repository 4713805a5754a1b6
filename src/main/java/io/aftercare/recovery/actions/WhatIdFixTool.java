package io.aftercare.recovery.actions;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.aftercare.care.RecoveryTools;

/** "What I'd fix" inside each of the person's open cases on My aftercare, with how many are done. */
@Component
@Order(30)
class WhatIdFixTool implements RecoveryTools {

    private final WhatIdFix actions;
    private final MessageSource messages;

    WhatIdFixTool(WhatIdFix actions, MessageSource messages) {
        this.actions = actions;
        this.messages = messages;
    }

    @Override
    public List<Link> forCase(UUID personId, UUID caseId, Locale locale) {
        WhatIdFix.Tally tally = actions.tally(personId, caseId);
        String detail = tally.total() == 0 ? messages.getMessage("recovery.actions.tool.none", null, locale)
            : messages.getMessage("recovery.actions.tool.done", new Object[] {tally.done(), tally.total()}, locale);
        return List.of(new Link(messages.getMessage("recovery.actions.tool", null, locale),
            "/me/cases/" + caseId + "/actions", detail));
    }
}
