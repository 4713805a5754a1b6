package io.aftercare.peersupport;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * When someone first reached out to the person of a care case, for the insights module alone (its rule set decides
 * what a group may be shown; an architecture test keeps every other module away from it). Read-only.
 */
public interface OutreachForInsight {

    /**
     * The first outreach of each of these care cases that happened before {@code before}; a case nobody reached out
     * to in time is absent.
     */
    Map<UUID, Instant> firstOutreach(Collection<UUID> caseIds, Instant before);
}
