package io.aftercare.incidents;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An incident that is over, from an alerting tool's history (an import of past incidents). It is recorded resolved
 * and announces nothing: history never opens a care case or sends a check-in.
 *
 * @param source         a short lower-case name, as in {@link NewIncident}
 * @param externalId     required: the source's id, so that importing the same file again adds nothing
 * @param teamId         optional, a team in the directory
 * @param acknowledgedAt optional; between the start and the resolution
 * @param resolvedAt     required; not before the start
 * @param responders     directory ids only; {@code joinedAt} {@code null} means when the incident started
 */
public record PastIncident(String source, String externalId, String title, Severity severity, String service,
                           UUID teamId, String url, Instant startedAt, Instant acknowledgedAt, Instant resolvedAt,
                           List<NewResponder> responders) {

    public PastIncident {
        responders = responders == null ? List.of() : List.copyOf(responders);
    }
}
