package io.aftercare.intake.source;

import java.time.Instant;
import java.util.List;

import io.aftercare.incidents.IncidentStatus;
import io.aftercare.incidents.Severity;
import io.aftercare.intake.source.SourceEvent.Kind;
import io.aftercare.shared.Sha256;
import tools.jackson.databind.JsonNode;

/**
 * Prometheus Alertmanager {@code webhook_config}, payload version 4: one incident per {@code groupKey}, resolved when
 * the group's status is {@code resolved}. The team comes from a label (default {@code team}); the responders are
 * that team's on-call when the group's first alert started.
 */
public final class AlertmanagerParser {

    public static final String DEFAULT_TEAM_LABEL = "team";

    public static final class Invalid extends InvalidPayloadException {
        Invalid(String message) {
            super(message);
        }
    }

    private AlertmanagerParser() {
    }

    public static SourceEvent parse(byte[] body, String teamLabel) {
        String label = teamLabel == null || teamLabel.isBlank() ? DEFAULT_TEAM_LABEL : teamLabel;
        JsonNode root = Json.object(body, Invalid::new);
        String version = Json.text(root, "version");
        if (version != null && !version.equals("4")) {
            throw new Invalid("Only webhook payload version 4 is understood; this is version " + version + ".");
        }
        String groupKey = Json.text(root, "groupKey");
        if (groupKey == null) {
            throw new Invalid("groupKey is missing.");
        }
        String groupStatus = Json.text(root, "status");
        if (groupStatus == null) {
            throw new Invalid("status is missing.");
        }
        boolean resolved = groupStatus.equalsIgnoreCase("resolved");
        JsonNode common = Json.obj(root, "commonLabels");
        JsonNode groupLabels = Json.obj(root, "groupLabels");
        JsonNode annotations = Json.obj(root, "commonAnnotations");
        Instant firstStart = null;
        Instant lastEnd = null;
        JsonNode first = null;
        for (JsonNode alert : Json.array(root, "alerts")) {
            first = first == null ? alert : first;
            Instant start = Json.instant(Json.text(alert, "startsAt"));
            if (start != null && (firstStart == null || start.isBefore(firstStart))) {
                firstStart = start;
            }
            Instant end = Json.instant(Json.text(alert, "endsAt"));
            if (end != null && (lastEnd == null || end.isAfter(lastEnd))) {
                lastEnd = end;
            }
        }
        JsonNode firstLabels = Json.obj(first, "labels");
        String title = firstText("summary", annotations, Json.obj(first, "annotations"));
        if (title == null) {
            title = firstText("alertname", common, groupLabels, firstLabels);
        }
        String team = firstText(label, common, groupLabels, firstLabels);
        String service = firstText("service", common, groupLabels, firstLabels);
        if (service == null) {
            service = firstText("job", common, groupLabels, firstLabels);
        }
        Severity severity = Severity.parse(firstText("severity", common, groupLabels, firstLabels))
            .orElse(null);
        String url = Json.text(first, "generatorURL");
        if (url == null) {
            url = Json.text(root, "externalURL");
        }
        return new SourceEvent(Kind.INCIDENT, resolved ? "resolved" : "firing", null, externalId(groupKey), title,
            severity, service, team, url, resolved ? IncidentStatus.RESOLVED : null, firstStart, null,
            resolved ? lastEnd : null, null, List.of(), firstStart);
    }

    /** The group key, or its SHA-256 when it is too long to store (long label sets make long keys). */
    static String externalId(String groupKey) {
        if (groupKey.length() <= Json.MAX_ID) {
            return groupKey;
        }
        return "groupKey-sha256:" + Sha256.hex(groupKey);
    }

    private static String firstText(String field, JsonNode... nodes) {
        for (JsonNode n : nodes) {
            String v = Json.text(n, field);
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
