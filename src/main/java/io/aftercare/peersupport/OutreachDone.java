package io.aftercare.peersupport;

import java.time.Instant;
import java.util.UUID;

/** Someone who was nudged said they reached out to the person. */
public record OutreachDone(UUID nudgeId, UUID caseId, UUID aboutPersonId, UUID reachedOutBy, Instant at) {
}
