package io.aftercare.incidents;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An incident that was resolved, with everything a listener needs (who was in it, in which role, from when) so that
 * it never has to call back. Announced in {@link IncidentsResolved}, together with the others its transaction
 * resolved.
 *
 * @param acknowledgedAt {@code null} if it was never acknowledged
 * @param responders     in the order they joined
 */
public record IncidentResolved(UUID incidentId, String title, Severity severity, UUID teamId, Instant startedAt,
                               Instant acknowledgedAt, Instant resolvedAt, List<Responder> responders) {

    public IncidentResolved {
        responders = List.copyOf(responders);
    }

    /** A person who was in the incident. */
    public record Responder(UUID personId, ResponderRole role, Instant joinedAt) {
    }
}
