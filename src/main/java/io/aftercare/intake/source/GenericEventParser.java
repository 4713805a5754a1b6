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
 * Aftercare's own event format, for tools without an adapter ({@code POST /api/v1/events} and the generic webhook):
 * {@code {idempotencyKey, externalId, status, title, severity, service, team, url, responders: [{email |
 * externalIdentity: {provider, id}, role}], occurredAt}}.
 */
public final class GenericEventParser {

    public static final String EMAIL = "email";

    /** Names the field that is wrong, for a problem detail. */
    public static final class Invalid extends InvalidPayloadException {
        private final String field;

        Invalid(String field, String message) {
            super(field == null ? message : field + ": " + message);
            this.field = field;
        }

        Invalid(String message) {
            this(null, message);
        }

        public String field() {
            return field;
        }
    }

    private GenericEventParser() {
    }

    public static SourceEvent parse(byte[] body) {
        JsonNode root = Json.object(body, Invalid::new);
        String key = text(root, "idempotencyKey");
        if (key != null && key.length() > Json.MAX_ID) {
            throw new Invalid("idempotencyKey", "must be at most " + Json.MAX_ID + " characters");
        }
        String externalId = text(root, "externalId");
        if (externalId == null) {
            throw new Invalid("externalId", "is required");
        }
        if (externalId.length() > Json.MAX_ID) {
            throw new Invalid("externalId", "must be at most " + Json.MAX_ID + " characters");
        }
        String statusText = text(root, "status");
        if (statusText == null) {
            throw new Invalid("status", "is required: triggered, acknowledged or resolved");
        }
        IncidentStatus status = switch (statusText.toLowerCase(Locale.ROOT)) {
            case "triggered" -> IncidentStatus.TRIGGERED;
            case "acknowledged" -> IncidentStatus.ACKNOWLEDGED;
            case "resolved" -> IncidentStatus.RESOLVED;
            default -> throw new Invalid("status", "must be triggered, acknowledged or resolved");
        };
        String severityText = text(root, "severity");
        Severity severity = Severity.parse(severityText).orElse(null);
        if (severityText != null && severity == null) {
            throw new Invalid("severity", "must be SEV1 to SEV5 (P1–P5 and words like critical are read too)");
        }
        String occurredText = text(root, "occurredAt");
        Instant occurredAt = Json.instant(occurredText);
        if (occurredText != null && occurredAt == null) {
            throw new Invalid("occurredAt", "must be an instant such as 2026-03-01T09:30:00Z");
        }
        List<Identity> people = new ArrayList<>();
        int i = 0;
        for (JsonNode r : Json.array(root, "responders")) {
            String prefix = "responders[" + i++ + "]";
            String roleText = text(r, "role");
            ResponderRole role = ResponderRole.parse(roleText).orElse(null);
            if (roleText != null && role == null) {
                throw new Invalid(prefix + ".role", "must be COMMANDER, RESPONDER or OBSERVER");
            }
            String email = text(r, "email");
            JsonNode identity = Json.obj(r, "externalIdentity");
            String provider = text(identity, "provider");
            String id = text(identity, "id");
            if (email == null && (provider == null || id == null)) {
                throw new Invalid(prefix, "give an email or an externalIdentity {provider, id}");
            }
            if ((email != null && email.length() > 320) || (id != null && id.length() > Json.MAX_ID)
                || (provider != null && provider.length() > 40)) {
                throw new Invalid(prefix, "is too long");
            }
            people.add(provider != null && id != null
                ? new Identity(provider.toLowerCase(Locale.ROOT), id, text(r, "name"), email, role)
                : new Identity(EMAIL, email, text(r, "name"), email, role));
        }
        return new SourceEvent(Kind.INCIDENT, "status." + status.name().toLowerCase(Locale.ROOT), key, externalId,
            text(root, "title"), severity, text(root, "service"), text(root, "team"), text(root, "url"), status,
            status == IncidentStatus.TRIGGERED ? occurredAt : null,
            status == IncidentStatus.ACKNOWLEDGED ? occurredAt : null,
            status == IncidentStatus.RESOLVED ? occurredAt : null, occurredAt, people, null);
    }

    private static String text(JsonNode node, String field) {
        if (node != null && node.isObject() && node.has(field) && !node.get(field).isNull()
            && !node.get(field).isString() && !node.get(field).isNumber()) {
            throw new Invalid(field, "must be a string");
        }
        return Json.text(node, field);
    }
}
