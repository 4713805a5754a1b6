package io.aftercare.care;

import java.time.Instant;
import java.util.UUID;

/** A care case was closed: by its person (“I'm OK now”) or after its last follow-up. */
public record CareCaseClosed(UUID caseId, UUID personId, String reason, Instant closedAt) {
}
