package io.aftercare.intake.source;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.aftercare.incidents.IncidentStatus;
import io.aftercare.incidents.ResponderRole;
import io.aftercare.incidents.Severity;
import io.aftercare.intake.source.SourceEvent.Identity;
import io.aftercare.intake.source.SourceEvent.Kind;
import tools.jackson.databind.JsonNode;

/**
 * Opsgenie's outgoing webhook (Atlassian retires Opsgenie in 2027, so this stays small): {@code {action, alert{
 * alertId, message, priority, teams, entity, username, userId, owner, createdAt (ms), updatedAt (ns)}}}. Create,
 * Acknowledge, UnAcknowledge, Close, AddNote, AssignOwnership and AddResponder are used; other actions are ignored.
 * The acting user joins the incident, except on Create (the alert's creator, often an integration) and on
 * AssignOwnership, where the new {@code owner} joins instead. {@code teams} holds Opsgenie's team ids, not names,
 * so it sets no team.
 */
public final class OpsgenieParser {

    public static final String PROVIDER = "opsgenie";

    public static final class Invalid extends InvalidPayloadException {
        Invalid(String message) {
            super(message);
        }
    }

    private OpsgenieParser() {
    }

    public static SourceEvent parse(byte[] body) {
        JsonNode root = Json.object(body, Invalid::new);
        String action = Json.text(root, "action");
        if (action == null) {
            throw new Invalid("action is missing.");
        }
        action = action.length() > 200 ? action.substring(0, 200) : action;
        IncidentStatus status;
        switch (action) {
            case "Create", "UnAcknowledge", "AssignOwnership", "AddResponder", "AddNote" -> status = null;
            case "Acknowledge" -> status = IncidentStatus.ACKNOWLEDGED;
            case "Close" -> status = IncidentStatus.RESOLVED;
            default -> {
                return SourceEvent.ignored(action, null);
            }
        }
        JsonNode alert = Json.obj(root, "alert");
        String id = Json.id(Json.text(alert, "alertId"), "alert.alertId", Invalid::new);
        if (id == null) {
            throw new Invalid("alert.alertId is missing.");
        }
        Instant created = epoch(Json.text(alert, "createdAt"), 1_000L);
        Instant updated = epoch(Json.text(alert, "updatedAt"), 1_000_000_000L);
        List<Identity> people = new ArrayList<>();
        if (action.equals("AssignOwnership")) {
            String owner = Json.text(alert, "owner");
            if (owner != null && owner.contains("@") && owner.length() <= Json.MAX_ID) {
                // the payload names the owner by login only: matched by e-mail
                people.add(new Identity(PROVIDER, null, owner, owner, ResponderRole.RESPONDER));
            }
        } else if (!action.equals("Create")) {
            String userId = Json.text(alert, "userId");
            String username = Json.text(alert, "username");
            boolean system = username == null || username.equalsIgnoreCase("System") || !username.contains("@");
            if (!system && (userId == null || userId.length() <= Json.MAX_ID)) {
                people.add(new Identity(PROVIDER, userId, username, username, ResponderRole.RESPONDER));
            }
        }
        String service = Json.text(alert, "entity");
        return new SourceEvent(Kind.INCIDENT, action, null, id, Json.text(alert, "message"),
            Severity.parse(Json.text(alert, "priority")).orElse(null), service, null, null, status, created,
            status == IncidentStatus.ACKNOWLEDGED ? updated : null, status == IncidentStatus.RESOLVED ? updated : null,
            updated, people, null);
    }

    /** A number of units per second since the epoch (ms for createdAt, ns for updatedAt), or {@code null}. */
    static Instant epoch(String value, long perSecond) {
        if (value == null) {
            return null;
        }
        try {
            long n = Long.parseLong(value);
            if (n <= 0) {
                return null;
            }
            return Instant.ofEpochSecond(n / perSecond, (n % perSecond) * (1_000_000_000L / perSecond));
        } catch (NumberFormatException | java.time.DateTimeException | ArithmeticException e) {
            return null;
        }
    }
}
