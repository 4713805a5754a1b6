package io.aftercare.peersupport;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Coordinators are told, once a day at a fixed time, that support requests are waiting for a supporter, when any
 * started waiting since the last notice. It carries no request, no count and no time: the coordinator sees the
 * waiting requests on {@code /programme/support}, as references with their age in three bands (decision record
 * 0019). A fixed daily time keeps the moment a request started waiting (which follows someone's check-in, which
 * follows a known incident) out of the notice.
 *
 * @param noticeId       one per daily notice, for idempotent delivery
 * @param coordinatorIds everyone to tell (coordinators)
 */
public record SupportWaitingNotice(UUID noticeId, List<UUID> coordinatorIds, Instant at) {
}
