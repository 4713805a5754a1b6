package io.aftercare.insights.ruleset;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.aftercare.insights.Window;

/**
 * Rule 5: every respondent set released to a viewer, by figure and window. Only who was in a set is kept, never what
 * they answered, so that whether a later figure is shown depends on membership alone.
 */
interface ReleaseLog {

    /** One set released to a viewer (the viewer left out of it). */
    record Entry(String figure, Window window, Set<UUID> people) {
        public Entry {
            people = Set.copyOf(people);
        }
    }

    /**
     * Holds the viewer's log until the caller's transaction ends, so that two releases to the same viewer at once are
     * decided one after the other.
     */
    void lock(UUID viewer);

    /** What the viewer was released before of this figure. */
    List<Entry> released(UUID viewer, String figure);

    void record(UUID viewer, Entry entry);
}
