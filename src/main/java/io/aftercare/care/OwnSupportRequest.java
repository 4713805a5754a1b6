package io.aftercare.care;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Optional: the person's own open support request, for their My aftercare page ("You asked to talk to someone").
 * Care asks only in the person's own request and shows the answer only to them. Peer support implements it (peer
 * support already listens to care, so care cannot call it directly); without an implementation nothing is shown.
 */
public interface OwnSupportRequest {

    /**
     * @param status        WAITING (no supporter has said yes yet), ACKNOWLEDGED or CONTACT_MADE
     * @param supporterName the supporter's name once they have said they will be in touch, else null
     */
    record OpenRequest(String status, Instant requestedAt, String supporterName) {
    }

    /** The person's own request that is not closed, if any. */
    Optional<OpenRequest> openRequest(UUID personId);
}
