package io.aftercare.incidents.internal;

/** What a timeline entry records. */
public enum TimelineKind {
    CREATED, UPDATED, ACKNOWLEDGED, RESPONDER_ADDED, ROLE_CHANGED, RESOLVED,
    /** Recorded from an import of past incidents, at the time the incident started. */
    IMPORTED
}
