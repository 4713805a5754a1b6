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

    /**
     * Whether exactly this set was released to the viewer before, of this figure, in a window that overlaps this one:
     * the same answer as looking for it among {@link #released}, which a log may give without reading every set.
     */
    default boolean holds(UUID viewer, String figure, Window window, Set<UUID> people) {
        return released(viewer, figure).stream()
            .anyMatch(e -> StandardRuleSet.overlap(e.window(), window) && e.people().equals(people));
    }

    void record(UUID viewer, Entry entry);
}
