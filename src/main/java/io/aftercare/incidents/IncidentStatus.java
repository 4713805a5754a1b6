package io.aftercare.incidents;

/** Where an incident is: it only moves forward, TRIGGERED → ACKNOWLEDGED → RESOLVED (acknowledging is optional). */
public enum IncidentStatus {
    TRIGGERED, ACKNOWLEDGED, RESOLVED
}
