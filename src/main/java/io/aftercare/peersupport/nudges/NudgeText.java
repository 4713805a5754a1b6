package io.aftercare.peersupport.nudges;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The one sentence of a nudge: who, which incident, and that a quick hello goes a long way. Nothing else. */
@Component
class NudgeText {

    private final MessageSource messages;

    NudgeText(MessageSource messages) {
        this.messages = messages;
    }

    String of(NudgeService.NudgeView nudge, Locale locale) {
        String when = messages.getMessage("support.nudge.when." + nudge.when(), null, locale);
        String key = nudge.incidentTitle() == null ? "support.nudge.text" : "support.nudge.text.titled";
        return messages.getMessage(key, new Object[] {nudge.aboutName(), when, nudge.incidentTitle()}, locale);
    }
}
