package io.aftercare.intake.source;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.aftercare.incidents.IncidentStatus;
import io.aftercare.incidents.ResponderRole;
import io.aftercare.incidents.Severity;
import io.aftercare.intake.source.SourceEvent.Identity;
import io.aftercare.intake.source.SourceEvent.Kind;
import tools.jackson.databind.JsonNode;

/**
 * PagerDuty Webhooks V3: one {@code {"event": {id, event_type, occurred_at, data}}} per delivery. Incident events
 * carry the incident in {@code data}; responder events carry {@code {incident, user, state}}, notes and status
 * updates {@code {incident, …}}, where {@code incident} is a reference whose {@code summary} is the title. People
 * are named by their PagerDuty user id (the payload has no e-mail). Deliveries PagerDuty sends often lack
 * {@code created_at}; the event's {@code occurred_at} stands in until an event that has it arrives.
 */
public final class PagerDutyParser {

    public static final String PROVIDER = "pagerduty";

    static final Set<String> INCIDENT_EVENTS = Set.of("incident.triggered", "incident.acknowledged",
        "incident.unacknowledged", "incident.resolved", "incident.reopened", "incident.reassigned",
        "incident.escalated", "incident.delegated", "incident.priority_updated");
    static final Set<String> RESPONDER_EVENTS = Set.of("incident.responder.added", "incident.responder.replied",
        "responder.added", "responder.replied");
    /** Events whose {@code data} names the incident only by a reference; nobody joins by them. */
    static final Set<String> REFERENCE_EVENTS = Set.of("incident.annotated", "incident.status_update_published");

    /** Only this parser's own validation error. */
    public static final class Invalid extends InvalidPayloadException {
        Invalid(String message) {
            super(message);
        }
    }

    private PagerDutyParser() {
    }

    public static SourceEvent parse(byte[] body) {
        JsonNode root = Json.object(body, Invalid::new);
        JsonNode event = Json.obj(root, "event");
        if (event == null) {
            throw new Invalid("The body has no \"event\" object.");
        }
        String type = Json.text(event, "event_type");
        if (type == null) {
            throw new Invalid("event.event_type is missing.");
        }
        type = type.length() > 200 ? type.substring(0, 200) : type;
        String eventId = Json.id(Json.text(event, "id"), "event.id", Invalid::new);
        Instant occurredAt = Json.instant(Json.text(event, "occurred_at"));
        if (type.equals("pagey.ping")) {
            return SourceEvent.ping(type, eventId);
        }
        JsonNode data = Json.obj(event, "data");
        if (INCIDENT_EVENTS.contains(type)) {
            if (data == null) {
                throw new Invalid("event.data is missing.");
            }
            return incident(type, eventId, occurredAt, data);
        }
        if (RESPONDER_EVENTS.contains(type) || REFERENCE_EVENTS.contains(type)) {
            if (data == null) {
                throw new Invalid("event.data is missing.");
            }
            return referenced(type, eventId, occurredAt, data, RESPONDER_EVENTS.contains(type));
        }
        return SourceEvent.ignored(type, eventId);
    }

    private static SourceEvent incident(String type, String eventId, Instant occurredAt, JsonNode data) {
        String id = Json.id(Json.text(data, "id"), "event.data.id", Invalid::new);
        if (id == null) {
            throw new Invalid("event.data.id is missing.");
        }
        String state = lower(Json.text(data, "status"));
        IncidentStatus status = switch (state == null ? "" : state) {
            case "acknowledged" -> IncidentStatus.ACKNOWLEDGED;
            case "resolved" -> IncidentStatus.RESOLVED;
            default -> type.equals("incident.resolved") ? IncidentStatus.RESOLVED
                : type.equals("incident.acknowledged") ? IncidentStatus.ACKNOWLEDGED : null;
        };
        List<Identity> people = new ArrayList<>();
        for (JsonNode a : Json.array(data, "assignees")) {
            String user = Json.text(a, "id");
            if (user != null && user.length() <= Json.MAX_ID) {
                people.add(new Identity(PROVIDER, user, Json.text(a, "summary"), null, ResponderRole.RESPONDER));
            }
        }
        String team = null;
        for (JsonNode t : Json.array(data, "teams")) {
            team = team == null ? Json.text(t, "summary") : team;
        }
        return new SourceEvent(Kind.INCIDENT, type, eventId, id, Json.text(data, "title"), severity(data),
            Json.text(Json.obj(data, "service"), "summary"), team, Json.text(data, "html_url"), status,
            Json.instant(Json.text(data, "created_at")),
            status == IncidentStatus.ACKNOWLEDGED ? occurredAt : null,
            status == IncidentStatus.RESOLVED ? occurredAt : null, occurredAt, people, null);
    }

    /** An event whose {@code data.incident} is a reference: {@code {id, summary, html_url}}. */
    private static SourceEvent referenced(String type, String eventId, Instant occurredAt, JsonNode data,
                                          boolean responder) {
        JsonNode incident = Json.obj(data, "incident");
        String id = Json.id(Json.text(incident, "id"), "event.data.incident.id", Invalid::new);
        if (id == null) {
            throw new Invalid("event.data.incident.id is missing.");
        }
        List<Identity> people = new ArrayList<>();
        if (responder) {
            JsonNode user = Json.obj(data, "user");
            String userId = Json.text(user, "id");
            boolean declined = "declined".equalsIgnoreCase(Json.text(data, "state"));
            if (userId != null && userId.length() <= Json.MAX_ID && !declined) {
                people.add(new Identity(PROVIDER, userId, Json.text(user, "summary"), null, ResponderRole.RESPONDER));
            }
        }
        String title = Json.text(incident, "summary");
        return new SourceEvent(Kind.INCIDENT, type, eventId, id, title != null ? title : Json.text(incident, "title"),
            null, null, null, Json.text(incident, "html_url"), null, null, null, null, occurredAt, people, null);
    }

    /** Priority ("P1") first; otherwise urgency: high is SEV2, low is SEV4. */
    static Severity severity(JsonNode data) {
        String priority = Json.text(Json.obj(data, "priority"), "summary");
        Severity fromPriority = Severity.parse(priority).orElse(null);
        if (fromPriority != null) {
            return fromPriority;
        }
        String urgency = lower(Json.text(data, "urgency"));
        if ("high".equals(urgency)) {
            return Severity.SEV2;
        }
        if ("low".equals(urgency)) {
            return Severity.SEV4;
        }
        return null;
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
