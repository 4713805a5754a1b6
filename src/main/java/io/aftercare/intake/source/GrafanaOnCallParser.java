package io.aftercare.intake.source;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.aftercare.incidents.IncidentStatus;
import io.aftercare.incidents.ResponderRole;
import io.aftercare.incidents.Severity;
import io.aftercare.intake.source.SourceEvent.Identity;
import io.aftercare.intake.source.SourceEvent.Kind;
import tools.jackson.databind.JsonNode;

/**
 * Grafana OnCall / Grafana Cloud IRM outgoing webhooks with the whole payload forwarded: {@code event{type, time}},
 * {@code alert_group{id, title, state, created_at, acknowledged_at, resolved_at, permalinks}}, the acting
 * {@code user}, {@code users_to_notify} and {@code integration{name, team}} (the service, and the team by name). Event types: alert group created, acknowledge, resolve, unresolve,
 * unacknowledge, escalation; silence and unsilence are ignored.
 */
public final class GrafanaOnCallParser {

    public static final String PROVIDER = "grafana-oncall";

    public static final class Invalid extends InvalidPayloadException {
        Invalid(String message) {
            super(message);
        }
    }

    private GrafanaOnCallParser() {
    }

    public static SourceEvent parse(byte[] body) {
        JsonNode root = Json.object(body, Invalid::new);
        JsonNode event = Json.obj(root, "event");
        String type = Json.text(event, "type");
        if (type == null) {
            throw new Invalid("event.type is missing.");
        }
        type = type.length() > 200 ? type.substring(0, 200) : type;
        IncidentStatus status;
        switch (type.toLowerCase(Locale.ROOT)) {
            case "alert group created", "unresolve", "unacknowledge", "escalation" -> status = null;
            case "acknowledge" -> status = IncidentStatus.ACKNOWLEDGED;
            case "resolve" -> status = IncidentStatus.RESOLVED;
            default -> {
                return SourceEvent.ignored(type, null);
            }
        }
        JsonNode group = Json.obj(root, "alert_group");
        String id = Json.id(Json.text(group, "id"), "alert_group.id", Invalid::new);
        if (id == null) {
            throw new Invalid("alert_group.id is missing.");
        }
        Instant time = Json.instant(Json.text(event, "time"));
        Instant acknowledgedAt = Json.instant(Json.text(group, "acknowledged_at"));
        Instant resolvedAt = Json.instant(Json.text(group, "resolved_at"));
        String state = Json.text(group, "state");
        if (status == null && "resolved".equalsIgnoreCase(state)) {
            status = IncidentStatus.RESOLVED;
        }
        List<Identity> people = new ArrayList<>();
        person(Json.obj(root, "user"), people);
        for (String field : List.of("users_to_notify", "users_to_be_notified")) {
            for (JsonNode u : Json.array(root, field)) {
                person(u, people);
            }
        }
        JsonNode payload = Json.obj(root, "alert_payload");
        String severity = Json.text(Json.obj(payload, "commonLabels"), "severity");
        if (severity == null) {
            severity = Json.text(Json.obj(payload, "labels"), "severity");
        }
        return new SourceEvent(Kind.INCIDENT, type, null, id, Json.text(group, "title"),
            Severity.parse(severity).orElse(null), Json.text(Json.obj(root, "integration"), "name"),
            Json.text(Json.obj(root, "integration"), "team"),
            Json.text(Json.obj(group, "permalinks"), "web"), status, Json.instant(Json.text(group, "created_at")),
            status == IncidentStatus.ACKNOWLEDGED && acknowledgedAt == null ? time : acknowledgedAt,
            status == IncidentStatus.RESOLVED && resolvedAt == null ? time : resolvedAt, time, people, null);
    }

    private static void person(JsonNode user, List<Identity> people) {
        String id = Json.text(user, "id");
        String email = Json.text(user, "email");
        if ((id == null && email == null) || (id != null && id.length() > Json.MAX_ID)) {
            return;
        }
        String name = Json.text(user, "username");
        people.add(new Identity(PROVIDER, id, name == null ? Json.text(user, "name") : name, email,
            ResponderRole.RESPONDER));
    }
}
