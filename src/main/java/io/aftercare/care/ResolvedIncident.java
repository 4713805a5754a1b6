package io.aftercare.care;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * An incident that is over, as care needs it: care's own input record, so that it does not depend on how the
 * incidents module models incidents.
 *
 * @param severity       {@code SEV1} (worst) to {@code SEV5}
 * @param acknowledgedAt {@code null} if it was never acknowledged
 */
public record ResolvedIncident(UUID incidentId, String title, String severity, Instant startedAt,
                               Instant acknowledgedAt, Instant resolvedAt, List<Responder> responders) {

    public static final Set<String> SEVERITIES = Set.of("SEV1", "SEV2", "SEV3", "SEV4", "SEV5");
    public static final Set<String> ROLES = Set.of("COMMANDER", "RESPONDER", "OBSERVER");

    public ResolvedIncident {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(resolvedAt, "resolvedAt");
        if (!SEVERITIES.contains(severity)) {
            throw new IllegalArgumentException("severity must be SEV1 to SEV5, not " + severity);
        }
        title = title == null || title.isBlank() ? "an incident" : title.strip();
        responders = List.copyOf(responders);
    }

    /** 1 for SEV1 … 5 for SEV5. */
    public int severityLevel() {
        return severity.charAt(3) - '0';
    }

    /**
     * A person who was in the incident.
     *
     * @param role     {@code COMMANDER}, {@code RESPONDER} or {@code OBSERVER}
     * @param joinedAt when they were paged or joined; {@code null} means from the start
     */
    public record Responder(UUID personId, String role, Instant joinedAt) {

        public Responder {
            Objects.requireNonNull(personId, "personId");
            if (!ROLES.contains(role)) {
                throw new IllegalArgumentException("role must be COMMANDER, RESPONDER or OBSERVER, not " + role);
            }
        }
    }
}
