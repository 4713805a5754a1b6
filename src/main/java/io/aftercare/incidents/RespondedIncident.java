package io.aftercare.incidents;

import java.time.Instant;
import java.util.UUID;

/** An incident a person was in (any role), as much of it as their own record needs. */
public record RespondedIncident(UUID id, Instant startedAt, String service, UUID teamId) {
}
