package io.aftercare.peersupport;

import java.time.Instant;
import java.util.UUID;

/**
 * A request moved on from a supporter who did not acknowledge it in time.
 *
 * @param toSupporterId the next supporter, or {@code null} when nobody eligible is left (coordinators are told)
 */
public record SupportReassigned(UUID requestId, UUID fromSupporterId, UUID toSupporterId, Instant acknowledgeBy,
                                Instant at) {
}
