package io.aftercare.recovery;

import java.util.List;
import java.util.UUID;

/**
 * Recovery tools already in use: for demo data. Everything goes through the tools' own services, so journal entries
 * and what-I'd-fix titles are encrypted with the person's own key as a live one would be. Publishes what the live
 * tools publish (a shared plan's leads are told).
 */
public interface RecoveryHistory {

    /**
     * Starts the person's journal {@code daysAgo} days ago (their day {@code daysAgo + 1} is today) and writes, for
     * each text in order, an entry to that day's prompt, dated that day.
     */
    void journalStarted(UUID personId, int daysAgo, List<String> entries);

    /** What the person would fix after a case of their own: these titles, the first {@code done} of them ticked. */
    void whatIdFix(UUID personId, UUID caseId, List<String> titles, int done);

    /**
     * A plan for the person's next on-call shift, if they have one in the coming 60 days.
     *
     * @param kind   SHADOW, PAIR, SWAP or AS_NORMAL
     * @param shared whether the leads of the shift's team see it
     * @return whether a plan was made
     */
    boolean planNextShift(UUID personId, String kind, UUID colleagueId, boolean shared);
}
