package io.aftercare.directory;

import java.time.Instant;
import java.util.UUID;

/**
 * A stretch of time a person is on call for a team's rotation: a regular shift of theirs (less any part someone else
 * covers by override), or an override that puts them there.
 *
 * @param overridden true when an override put the person there, rather than their turn in the rotation
 */
public record OnCallShift(UUID teamId, UUID rotationId, String rotationName, Instant startsAt, Instant endsAt,
                          boolean overridden) {
}
