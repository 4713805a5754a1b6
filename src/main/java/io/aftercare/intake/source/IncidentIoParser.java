package io.aftercare.intake.source;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.aftercare.incidents.IncidentStatus;
import io.aftercare.incidents.ResponderRole;
import io.aftercare.intake.source.SourceEvent.Identity;
import io.aftercare.intake.source.SourceEvent.Kind;
import io.aftercare.incidents.Severity;
import tools.jackson.databind.JsonNode;

/**
 * incident.io webhooks: {@code {"event_type": T, T: {…incident…}}}. Public incident events carry the incident; a
 * status category of learning, closed or the like means it is over. Private incident events carry only an id and
 * are ignored. Role assignees are matched by their incident.io user id, then by e-mail.
 */
public final class IncidentIoParser {

    public static final String PROVIDER = "incidentio";

    static final Set<String> INCIDENT_EVENTS = Set.of("public_incident.incident_created_v2",
        "public_incident.incident_updated_v2", "public_incident.incident_status_updated_v2");
    /** Status categories after which nobody is fighting the incident any more. */
    static final Set<String> OVER = Set.of("learning", "closed", "resolved", "declined", "merged", "canceled",
        "cancelled");

    public static final class Invalid extends InvalidPayloadException {
        Invalid(String message) {
            super(message);
        }
    }

    private IncidentIoParser() {
    }

    public static SourceEvent parse(byte[] body) {
        JsonNode root = Json.object(body, Invalid::new);
        String type = Json.text(root, "event_type");
        if (type == null) {
            throw new Invalid("event_type is missing.");
        }
        type = type.length() > 200 ? type.substring(0, 200) : type;
        if (!INCIDENT_EVENTS.contains(type)) {
            return SourceEvent.ignored(type, null);
        }
        JsonNode resource = Json.obj(root, type);
        JsonNode incident = Json.obj(resource, "incident") != null ? Json.obj(resource, "incident") : resource;
        String id = Json.id(Json.text(incident, "id"), "the incident id", Invalid::new);
        if (id == null) {
            throw new Invalid("The incident under \"" + type + "\" has no id.");
        }
        JsonNode status = Json.obj(incident, "incident_status");
        if (status == null) {
            status = Json.obj(resource, "new_status");
        }
        String category = Json.text(status, "category");
        boolean over = category != null && OVER.contains(category.toLowerCase(Locale.ROOT));
        Instant updated = Json.instant(Json.text(incident, "updated_at"));
        List<Identity> people = new ArrayList<>();
        for (JsonNode assignment : Json.array(incident, "incident_role_assignments")) {
            JsonNode assignee = Json.obj(assignment, "assignee");
            String userId = Json.text(assignee, "id");
            String email = Json.text(assignee, "email");
            if ((userId == null && email == null) || (userId != null && userId.length() > Json.MAX_ID)) {
                continue;
            }
            String roleType = Json.text(Json.obj(assignment, "role"), "role_type");
            people.add(new Identity(PROVIDER, userId, Json.text(assignee, "name"), email,
                "lead".equalsIgnoreCase(roleType) ? ResponderRole.COMMANDER : ResponderRole.RESPONDER));
        }
        String title = Json.text(incident, "name");
        String reference = Json.text(incident, "reference");
        if (title != null && reference != null) {
            title = reference + ": " + title;
        }
        Severity severity = Severity.parse(Json.text(Json.obj(incident, "severity"), "name")).orElse(null);
        return new SourceEvent(Kind.INCIDENT, type, null, id, title, severity, null, null,
            Json.text(incident, "permalink"), over ? IncidentStatus.RESOLVED : null,
            Json.instant(Json.text(incident, "created_at")), null, over ? updated : null, updated, people, null);
    }
}
