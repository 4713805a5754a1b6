package io.aftercare.intake.source;

import java.time.Instant;
import java.util.Locale;

import io.aftercare.shared.DomainException;
import tools.jackson.databind.JsonNode;

/**
 * The deploy kind of Aftercare's own event format ({@code POST /api/v1/events}): {@code {type: "deploy", id, service,
 * team, at, url}}. Everything without a {@code type} (or with {@code "incident"}) is an incident event, read by
 * {@link GenericEventParser}.
 */
public final class DeployEventParser {

    /** A deploy as sent; {@code at} null means now. */
    public record DeployEvent(String id, String service, String team, Instant at, String url) {
    }

    private DeployEventParser() {
    }

    /** The event's type in lower case, {@code incident} when it names none; the body's own error when unreadable. */
    public static String type(byte[] body) {
        JsonNode root = Json.object(body, GenericEventParser.Invalid::new);
        String type = Json.text(root, "type");
        return type == null ? "incident" : type.toLowerCase(Locale.ROOT);
    }

    public static DeployEvent parse(byte[] body) {
        JsonNode root = Json.object(body, m -> new GenericEventParser.Invalid(m));
        String atText = Json.text(root, "at");
        Instant at = Json.instant(atText);
        if (atText != null && at == null) {
            throw DomainException.invalid("at", "must be an instant such as 2026-03-01T09:30:00Z");
        }
        return new DeployEvent(Json.text(root, "id"), Json.text(root, "service"), Json.text(root, "team"), at,
            Json.text(root, "url"));
    }
}
