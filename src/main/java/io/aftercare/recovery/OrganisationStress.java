package io.aftercare.recovery;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The organisation's own answer to the talk's stress question, for the journal's "Others have been here too": from
 * its last closed poll for everyone, as the rule set releases it to this person ("17 of 40 (42.5%)", "2 or fewer of
 * 40"), or empty when there is none or it cannot be shown without identifying anyone. The insights module provides
 * it; recovery never reads poll answers itself.
 */
public interface OrganisationStress {

    Optional<String> stressedInLastPoll(UUID viewer, Locale locale);
}
