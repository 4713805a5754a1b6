package io.aftercare.recovery.journal;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.aftercare.recovery.OrganisationStress;

/**
 * The journal's prompts in words. "Others have been here too" quotes the organisation's own last poll when the rule
 * set releases its stress figure to this person, and the talk's straw poll otherwise.
 */
@Component
class JournalPrompts {

    /** The prompt that quotes how many others were stressed after an incident. */
    static final int OTHERS_DAY = 2;

    private final MessageSource messages;
    private final ObjectProvider<OrganisationStress> organisation;

    JournalPrompts(MessageSource messages, ObjectProvider<OrganisationStress> organisation) {
        this.messages = messages;
        this.organisation = organisation;
    }

    String prompt(int day, UUID viewer, Locale locale) {
        if (day == OTHERS_DAY) {
            OrganisationStress figures = organisation.getIfAvailable();
            Optional<String> own = figures == null ? Optional.empty() : figures.stressedInLastPoll(viewer, locale);
            if (own.isPresent()) {
                return messages.getMessage("recovery.journal.prompt.2.organisation", new Object[] {own.get()}, locale);
            }
        }
        return messages.getMessage("recovery.journal.prompt." + day, null, locale);
    }
}
