package io.aftercare.incidents;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An incident as other modules and the API see it.
 *
 * @param source     where it was recorded: {@code manual} or the name of an alerting tool
 * @param externalId the source's own id for it ({@code null} for manual incidents)
 * @param responders in the order they joined
 */
public record IncidentView(UUID id, String title, Severity severity, IncidentStatus status, String service,
                           UUID teamId, String source, String externalId, String url, Instant startedAt,
                           Instant acknowledgedAt, Instant resolvedAt, List<ResponderView> responders) {

    public IncidentView {
        responders = List.copyOf(responders);
    }

    public boolean resolved() {
        return status == IncidentStatus.RESOLVED;
    }
}
