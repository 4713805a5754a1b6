package io.aftercare.peersupport;

import java.time.Instant;
import java.util.UUID;

/**
 * A request moved on from a supporter who did not acknowledge it in time.
 *
 * Also published when a coordinator's "Try again" gives a waiting request to a supporter: then
 * {@code fromSupporterId} is {@code null}. Either way the new supporter is told as for a first assignment.
 *
 * @param toSupporterId the next supporter, or {@code null} when nobody eligible is left (the person is told, and
 *                      coordinators in the next daily notice)
 */
public record SupportReassigned(UUID requestId, UUID fromSupporterId, UUID toSupporterId, Instant acknowledgeBy,
                                Instant at) {
}
