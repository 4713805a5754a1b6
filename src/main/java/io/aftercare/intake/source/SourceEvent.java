package io.aftercare.intake.source;

import java.time.Instant;
import java.util.List;

import io.aftercare.incidents.IncidentStatus;
import io.aftercare.incidents.ResponderRole;
import io.aftercare.incidents.Severity;

/**
 * What one delivery from a source says, in Aftercare's terms. Every field but {@code kind} and {@code eventType} may
 * be {@code null}: {@code null} means "the source did not say", never "clear it".
 *
 * @param eventId         the source's id for this event, for deduplication (else the body's hash is used)
 * @param status          where the source says the incident now is; backward moves (reopen) are not expressed
 * @param onCallAt        when set, the responders also include the on-call of {@code teamName} at this instant
 */
public record SourceEvent(Kind kind, String eventType, String eventId, String externalId, String title,
                          Severity severity, String service, String teamName, String url, IncidentStatus status,
                          Instant startedAt, Instant acknowledgedAt, Instant resolvedAt, Instant occurredAt,
                          List<Identity> responders, Instant onCallAt) {

    public SourceEvent {
        responders = responders == null ? List.of() : List.copyOf(responders);
    }

    public enum Kind {
        /** About an incident: record or update it. */
        INCIDENT,
        /** A test event ("send test event"): answered and logged, nothing else. */
        PING,
        /** An event type Aftercare does not use: acknowledged so the sender does not retry. */
        IGNORED
    }

    /**
     * A person as the source names them.
     *
     * @param provider the directory's provider name ({@code pagerduty}, {@code opsgenie}, …) or {@code email}
     */
    public record Identity(String provider, String externalId, String name, String email, ResponderRole role) {
    }

    public static SourceEvent ignored(String eventType, String eventId) {
        return new SourceEvent(Kind.IGNORED, eventType, eventId, null, null, null, null, null, null, null, null, null,
            null, null, List.of(), null);
    }

    public static SourceEvent ping(String eventType, String eventId) {
        return new SourceEvent(Kind.PING, eventType, eventId, null, null, null, null, null, null, null, null, null,
            null, null, List.of(), null);
    }
}
