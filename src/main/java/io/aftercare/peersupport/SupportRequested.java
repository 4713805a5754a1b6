package io.aftercare.peersupport;

import java.time.Instant;
import java.util.UUID;

/**
 * A person asked for a peer supporter and one was assigned ({@code supporterId}), or none was eligible
 * ({@code supporterId} is {@code null}; coordinators are told in the app).
 *
 * @param origin {@code CHECK_IN} (asked in a check-in), {@code SELF} (asked at any time) or {@code OFFER} (said yes to an offer)
 */
public record SupportRequested(UUID requestId, UUID personId, String origin, UUID supporterId,
                               Instant acknowledgeBy, Instant requestedAt) {
}
