package io.aftercare.incidents.internal;

import java.time.Instant;
import java.util.UUID;

import io.aftercare.incidents.IncidentStatus;

/**
 * Filters for the incident list; {@code null} means any.
 *
 * @param from incidents that started at or after this instant
 * @param to   incidents that started before this instant
 */
public record IncidentQuery(UUID teamId, IncidentStatus status, Instant from, Instant to) {

    public static IncidentQuery all() {
        return new IncidentQuery(null, null, null, null);
    }
}
