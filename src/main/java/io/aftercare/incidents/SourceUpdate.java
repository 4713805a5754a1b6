package io.aftercare.incidents;

import java.time.Instant;
import java.util.Objects;

/**
 * What an alerting tool says about one of its incidents, for {@link Incidents#applyFromSource}.
 *
 * @param incident         the details and responders, as for {@link Incidents#record}; its title and severity may be
 *                         {@code null} (the stored ones are kept)
 * @param status           how far the source says it has got; an incident never moves back
 * @param acknowledgedAt   when it was acknowledged, if the source says; {@code null} with status ACKNOWLEDGED means now
 * @param resolvedAt       when it was resolved, if the source says; {@code null} with status RESOLVED means now
 * @param fallbackTitle    the title of a new incident whose source gave none
 * @param fallbackSeverity the severity of a new incident whose source gave none
 */
public record SourceUpdate(NewIncident incident, IncidentStatus status, Instant acknowledgedAt, Instant resolvedAt,
                           String fallbackTitle, Severity fallbackSeverity) {

    public SourceUpdate {
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(status, "status");
    }
}
