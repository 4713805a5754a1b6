package io.aftercare.intake.history;

import static io.aftercare.intake.history.HistoryCsv.key;
import static io.aftercare.intake.history.HistoryValues.link;
import static io.aftercare.intake.history.HistoryValues.optional;
import static io.aftercare.intake.history.HistoryValues.required;
import static io.aftercare.intake.history.HistoryValues.split;
import static io.aftercare.intake.history.HistoryValues.times;
import static io.aftercare.intake.history.HistoryValues.value;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.aftercare.incidents.ResponderRole;
import io.aftercare.incidents.Severity;
import io.aftercare.intake.history.HistoryCsv.LineError;
import io.aftercare.intake.history.HistoryCsv.Row;
import io.aftercare.intake.history.HistoryValues.Times;
import io.aftercare.intake.source.SourceEvent.Identity;
import io.aftercare.shared.CsvReader;

/** A PagerDuty incident export: which columns it has, its header and one row. */
final class PagerDutyExport {

    private PagerDutyExport() {
    }

    static final String PAGERDUTY = "pagerduty";

    /** PagerDuty export columns we read, by their name without case, spaces or underscores. */
    static final Map<String, String> PAGERDUTY_COLUMNS = Map.ofEntries(
        Map.entry("id", "externalId"), Map.entry("incidentid", "externalId"),
        Map.entry("incidentnumber", "number"),
        Map.entry("description", "title"), Map.entry("title", "title"), Map.entry("summary", "title"),
        Map.entry("status", "status"), Map.entry("urgency", "urgency"),
        Map.entry("priority", "priority"), Map.entry("priorityname", "priority"),
        Map.entry("servicename", "service"), Map.entry("teamname", "team"), Map.entry("teams", "team"),
        Map.entry("createdon", "startedAt"), Map.entry("createdat", "startedAt"), Map.entry("created", "startedAt"),
        Map.entry("resolvedon", "resolvedAt"), Map.entry("resolvedat", "resolvedAt"),
        Map.entry("resolved", "resolvedAt"),
        Map.entry("acknowledgedon", "acknowledgedAt"), Map.entry("firstacknowledgedon", "acknowledgedAt"),
        Map.entry("secondstofirstack", "secondsToAck"),
        Map.entry("htmlurl", "url"), Map.entry("url", "url"), Map.entry("incidenturl", "url"),
        Map.entry("assignedtouserids", "assigned"), Map.entry("acknowledgedbyuserids", "acknowledgers"),
        Map.entry("resolvedbyuserid", "resolver"), Map.entry("resolvedbyuserids", "resolver"));

    /** Whether the header is a PagerDuty export's. */
    static boolean matches(CsvReader.Line header) {
        for (String column : header.values()) {
            String k = key(column);
            if (k.equals("createdon") || k.equals("incidentnumber") || k.equals("resolvedon")) {
                return true;
            }
        }
        return false;
    }

    /** PagerDuty exports carry many more columns than we use; the others are left alone. */
    static Map<String, Integer> header(CsvReader.Line record, List<LineError> errors) {
        Map<String, Integer> header = new LinkedHashMap<>();
        for (int i = 0; i < record.size(); i++) {
            String column = PAGERDUTY_COLUMNS.get(key(record.get(i)));
            if (column != null) {
                header.putIfAbsent(column, i);
            }
        }
        if (!header.containsKey("externalId") && !header.containsKey("number")) {
            errors.add(new LineError(1, "The PagerDuty export has no id or incident_number column."));
        }
        if (!header.containsKey("startedAt")) {
            errors.add(new LineError(1, "The PagerDuty export has no created_on column."));
        }
        if (!header.containsKey("resolvedAt")) {
            errors.add(new LineError(1, "The PagerDuty export has no resolved_on column."));
        }
        return header;
    }

    static Row row(CsvReader.Line record, long line, Map<String, Integer> header, Instant now,
               List<LineError> errors) {
        List<String> problems = new ArrayList<>();
        String id = value(record, header, "externalId");
        String number = value(record, header, "number");
        String externalId = required(id.isEmpty() && !number.isEmpty() ? "#" + number : id, "id", 200, problems);
        String title = value(record, header, "title");
        if (title.isEmpty()) {
            title = number.isEmpty() ? "PagerDuty incident " + id : "PagerDuty incident #" + number;
        }
        title = optional(title, "description", 500, problems);
        String status = value(record, header, "status").toLowerCase(Locale.ROOT);
        if (!status.isEmpty() && !status.equals("resolved")) {
            problems.add("status is " + status + ": only resolved incidents are history (open ones arrive by"
                + " webhook)");
        }
        Severity severity = severity(value(record, header, "priority"), value(record, header, "urgency"),
            problems);
        String ack = value(record, header, "acknowledgedAt");
        String secondsToAck = value(record, header, "secondsToAck");
        Times times = times(value(record, header, "startedAt"), ack, value(record, header, "resolvedAt"), now,
            problems);
        if (ack.isEmpty() && !secondsToAck.isEmpty() && times.started() != null && times.resolved() != null) {
            try {
                long seconds = Math.round(Double.parseDouble(secondsToAck));
                Instant acked = times.started().plusSeconds(Math.max(0, seconds));
                times = new Times(times.started(), acked.isAfter(times.resolved()) ? times.resolved() : acked,
                    times.resolved());
            } catch (NumberFormatException e) {
                problems.add("seconds_to_first_ack \"" + secondsToAck + "\" is not a number");
            }
        }
        String service = optional(value(record, header, "service"), "service_name", 200, problems);
        String team = optional(value(record, header, "team"), "team_name", 200, problems);
        String url = link(value(record, header, "url"), problems);
        Map<String, ResponderRole> roles = new LinkedHashMap<>();
        for (String column : List.of("assigned", "acknowledgers", "resolver")) {
            for (String user : split(value(record, header, column))) {
                if (!user.matches("[A-Za-z0-9]{1,64}")) {
                    problems.add("\"" + user + "\" is not a PagerDuty user id (like PABC123)");
                } else {
                    roles.putIfAbsent(user, ResponderRole.RESPONDER);
                }
            }
        }
        List<Identity> people = roles.entrySet().stream()
            .map(e -> new Identity(PAGERDUTY, e.getKey(), null, null, e.getValue())).toList();
        problems.forEach(p -> errors.add(new LineError(line, p + ".")));
        return problems.isEmpty() ? new Row(line, PAGERDUTY, externalId, title, severity, service, team, url,
            times.started(), times.acknowledged(), times.resolved(), people) : null;
    }

    /** Priority P1–P5 when the account uses priorities, else urgency: high is SEV2, low SEV4. */
    private static Severity severity(String priority, String urgency, List<String> problems) {
        if (!priority.isEmpty()) {
            var p = Severity.parse(priority);
            if (p.isPresent()) {
                return p.get();
            }
        }
        return switch (urgency.toLowerCase(Locale.ROOT)) {
            case "high" -> Severity.SEV2;
            case "low" -> Severity.SEV4;
            case "" -> Severity.SEV3;
            default -> {
                problems.add("urgency \"" + urgency + "\" is neither high nor low");
                yield null;
            }
        };
    }
}
