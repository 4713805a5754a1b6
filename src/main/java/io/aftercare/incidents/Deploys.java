package io.aftercare.incidents;

import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

/** Changes shipped to production, reported by CI: stored here, beside the incidents they are counted against. */
public interface Deploys {

    /**
     * Stores the deploy once: the same external id again changes nothing.
     *
     * @return true when it was new, false for a repeat
     * @throws io.aftercare.shared.DomainException.Invalid naming the field (externalId, service, url) that is wrong
     */
    boolean record(NewDeploy deploy);

    /**
     * How many deploys from {@code from} (inclusive) to {@code to} (exclusive) were for one of the teams or one of
     * the services (case-insensitive).
     */
    long count(Collection<UUID> teamIds, Collection<String> services, Instant from, Instant to);
}
