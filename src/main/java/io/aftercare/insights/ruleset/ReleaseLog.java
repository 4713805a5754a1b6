package io.aftercare.insights.ruleset;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.aftercare.insights.Figure;
import io.aftercare.insights.Window;

/**
 * Rule 5: every respondent set released to a viewer, by figure and window. Only who was in a set is kept, never what
 * they answered, so that whether a later figure is shown depends on membership alone; and the figure the viewer was
 * given, so that a set from which someone has since been erased is given that same answer again (decision 0046).
 */
interface ReleaseLog {

    /**
     * One set released to a viewer (the viewer left out of it).
     *
     * @param people    who was in it; an erased person stands in it as a random token that is no one's id
     * @param erased    the tokens among {@code people}
     * @param published what the viewer was shown of it, or {@code null} when released before that was kept
     */
    record Entry(String figure, Window window, Set<UUID> people, Set<UUID> erased, Figure published) {
        public Entry {
            people = Set.copyOf(people);
            erased = Set.copyOf(erased);
        }

        Entry(String figure, Window window, Set<UUID> people) {
            this(figure, window, people, Set.of(), null);
        }

        /** The people of this set who have not been erased since it was released. */
        Set<UUID> remaining() {
            Set<UUID> remaining = new HashSet<>(people);
            remaining.removeAll(erased);
            return remaining;
        }
    }

    /**
     * What the rule set reads of one earlier release without its members: its size when released (the erased
     * counted), whether anyone in it has been erased since, the digest of the people in it who have not
     * ({@link SetDigest}), and where its members are kept.
     *
     * @param members the key under which {@link #shareAnyone} finds its people
     */
    record Summary(String figure, Window window, int size, boolean erased, String digest, Figure published,
                   UUID members) {
    }

    /**
     * Holds the viewer's log until the caller's transaction ends, so that two releases to the same viewer at once are
     * decided one after the other.
     */
    void lock(UUID viewer);

    /** What the viewer was released before of this figure. */
    List<Summary> released(UUID viewer, String figure);

    /** Whether anyone in {@code set} was in any of these earlier releases to the viewer. */
    boolean shareAnyone(UUID viewer, List<Summary> earlier, Set<UUID> set);

    void record(UUID viewer, Entry entry);
}
