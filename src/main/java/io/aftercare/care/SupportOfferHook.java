package io.aftercare.care;

import java.util.Set;
import java.util.UUID;

/**
 * Optional: whether a person who just answered should be <em>offered</em> someone to reach out ("Would you like
 * someone to reach out?"), and what happens when they say yes. Care calls it in the person's own request, with
 * that person's own answers, and only shows the question to them; nothing about the offer is stored. Peer support
 * implements it (peer support already listens to care, so care cannot call it directly). Without an
 * implementation care offers nothing.
 */
public interface SupportOfferHook {

    /**
     * The person's own answers, as far as they gave them. Never stored or passed on by an implementation.
     *
     * @param stress             1 (not at all) to 5 (very stressed), or null
     * @param effects            names of the effects they noticed, e.g. SLEEPING_DIFFICULTIES
     * @param day1RuminationMean mean of the day-1 follow-up's rumination items (1 to 5), or null
     */
    record OwnAnswers(Integer stress, Set<String> effects, Double day1RuminationMean) {
        public OwnAnswers {
            effects = effects == null ? Set.of() : Set.copyOf(effects);
        }
    }

    /**
     * Whether to ask: the answers cross the programme's threshold and the person has no support request open.
     */
    boolean shouldOffer(UUID personId, OwnAnswers answers);

    /**
     * The person said yes: a supporter is assigned as for any request about this case.
     *
     * @return the support request's id
     */
    UUID accept(UUID personId, UUID caseId);
}
