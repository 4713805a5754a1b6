package io.aftercare.incidents;

import java.time.Instant;
import java.util.UUID;

/** A new incident was recorded (published once per incident, in the transaction that recorded it). */
public record IncidentOpened(UUID incidentId, String title, Severity severity, UUID teamId, String source,
                             String externalId, Instant startedAt) {
}
