package io.aftercare.peersupport;

import java.util.Set;
import java.util.UUID;

/**
 * Whether a person should be <em>offered</em> a peer supporter ("Would you like someone to reach out?"), by the
 * coordinator's threshold. For the care module to call with the person's own answers, in the person's own request:
 * nothing is stored and nobody else learns the answer. An offer is only a question: nobody is assigned until the
 * person says yes ({@link #accept}).
 */
public interface SupportOffers {

    /**
     * The person's own answers, as far as they gave them.
     *
     * @param stress              1 (not at all) … 5 (very stressed), or {@code null}
     * @param effects             names of the effects they noticed, e.g. {@code SLEEPING_DIFFICULTIES}
     * @param day1RuminationMean  mean of the three day-1 rumination items (1–5), or {@code null}
     */
    record Answers(Integer stress, Set<String> effects, Double day1RuminationMean) {
        public Answers {
            effects = effects == null ? Set.of() : Set.copyOf(effects);
        }
    }

    /** Whether the answers cross the programme's threshold (see docs/peer-support.md). */
    boolean shouldOffer(Answers answers);

    /** The person said yes to an offer: a supporter is assigned as for any request. */
    UUID accept(UUID personId, UUID caseId);
}
