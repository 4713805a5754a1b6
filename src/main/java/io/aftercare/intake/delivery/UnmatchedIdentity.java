package io.aftercare.intake.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * Someone a source named as a responder whom the directory did not know.
 *
 * @param personId  who an admin said they are ({@code null}: not mapped yet)
 * @param incidents in how many incidents they were named
 */
public record UnmatchedIdentity(UUID id, String provider, String externalId, String name, String email,
                                Instant firstSeenAt, Instant lastSeenAt, UUID personId, long incidents) {
}
