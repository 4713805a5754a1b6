package io.aftercare.peersupport;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What happened to the requests for a peer supporter of one released month, for the insights module alone: whether
 * someone who asked was acknowledged, contacted and found a supporter in time is about their care, so only the rule
 * set decides what a group may be shown (an architecture test keeps every other module away from it). A month counts
 * what began inside it, with its outcome as known at the month's release, so the same month always gives the same
 * rows. Person ids only, to count distinct people; no answers, no names. Read-only.
 */
public interface SupportRequestsForInsight {

    /** A request offered to a supporter in the month and decided by the release: acknowledged by its deadline or not. */
    record Offer(UUID person, boolean inTime) {
    }

    /** A request acknowledged in the month whose contact was decided by the release: made in time, or overdue first. */
    record Contact(UUID person, boolean inTime) {
    }

    /** A request made in the month, and whether it waited with nobody eligible left before the release. */
    record Asked(UUID person, boolean leftWaiting) {
    }

    /** How evenly a month's requests were spread over supporters: the programme's own queue, not anyone's care. */
    enum Spread {
        EVEN, UNEVEN
    }

    List<Offer> offers(YearMonth month);

    List<Contact> contacts(YearMonth month);

    List<Asked> requests(YearMonth month);

    /**
     * The spread of the month's offers over supporters, or empty when fewer than five people asked or fewer than five
     * supporters were offered one (neither counting the viewer). The counts themselves are never given.
     */
    Optional<Spread> spread(YearMonth month, UUID viewer);
}
