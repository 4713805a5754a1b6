package io.aftercare.care;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A care case was opened for a person (after an incident, by themselves, or on a lead's suggestion). */
public record CareCaseOpened(UUID caseId, UUID personId, String origin, List<UUID> incidentIds, Instant openedAt) {
}
