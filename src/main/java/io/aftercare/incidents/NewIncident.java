package io.aftercare.incidents;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An incident as a person or an alerting tool reports it.
 *
 * @param source     {@code manual} for people; for tools a short lower-case name ({@code pagerduty}, …);
 *                   {@code null} means {@code manual}
 * @param externalId the source's id for the incident: recording the same (source, externalId) again updates it
 *                   (and an earlier {@code startedAt} than the stored one moves the start back)
 * @param severity   required; use {@link Severity#parse(String)} for a source's own scale
 * @param teamId     optional, a team in the directory
 * @param startedAt  {@code null} means now
 * @param responders may be empty
 */
public record NewIncident(String source, String externalId, String title, Severity severity, String service,
                          UUID teamId, String url, Instant startedAt, List<NewResponder> responders) {

    public NewIncident {
        responders = responders == null ? List.of() : List.copyOf(responders);
    }

    /** A manual incident, started now, with no one in it yet. */
    public static NewIncident manual(String title, Severity severity, String service, UUID teamId) {
        return new NewIncident(null, null, title, severity, service, teamId, null, null, List.of());
    }
}
