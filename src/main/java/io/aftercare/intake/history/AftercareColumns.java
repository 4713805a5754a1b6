package io.aftercare.intake.history;

import static io.aftercare.intake.history.HistoryCsv.COLUMNS;
import static io.aftercare.intake.history.HistoryCsv.DEFAULT_SOURCE;
import static io.aftercare.intake.history.HistoryCsv.key;
import static io.aftercare.intake.history.HistoryValues.link;
import static io.aftercare.intake.history.HistoryValues.optional;
import static io.aftercare.intake.history.HistoryValues.person;
import static io.aftercare.intake.history.HistoryValues.required;
import static io.aftercare.intake.history.HistoryValues.split;
import static io.aftercare.intake.history.HistoryValues.times;
import static io.aftercare.intake.history.HistoryValues.value;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.aftercare.incidents.ResponderRole;
import io.aftercare.incidents.Severity;
import io.aftercare.incidents.SourceName;
import io.aftercare.intake.history.HistoryCsv.LineError;
import io.aftercare.intake.history.HistoryCsv.Row;
import io.aftercare.intake.history.HistoryValues.Times;
import io.aftercare.intake.source.SourceEvent.Identity;
import io.aftercare.shared.CsvReader;

/** Aftercare's own history columns ({@link HistoryCsv#COLUMNS}): the header and one row. */
final class AftercareColumns {

    private AftercareColumns() {
    }

    static Map<String, Integer> header(CsvReader.Line record, List<LineError> errors) {
        Map<String, String> known = new HashMap<>();
        COLUMNS.forEach(c -> known.put(key(c), c));
        Map<String, Integer> header = new LinkedHashMap<>();
        for (int i = 0; i < record.size(); i++) {
            String column = known.get(key(record.get(i)));
            if (column == null) {
                errors.add(new LineError(1, "Unknown column \"" + record.get(i) + "\". The columns are: "
                    + String.join(",", COLUMNS) + " (or a PagerDuty incident export)."));
            } else if (header.put(column, i) != null) {
                errors.add(new LineError(1, "The column " + column + " appears twice."));
            }
        }
        for (String required : List.of("externalId", "title", "severity", "startedAt", "resolvedAt")) {
            if (!header.containsKey(required)) {
                errors.add(new LineError(1, "The column " + required + " is missing."));
            }
        }
        return header;
    }

    static Row row(CsvReader.Line record, long line, Map<String, Integer> header, Instant now,
               List<LineError> errors) {
        if (record.size() > header.size()) {
            errors.add(new LineError(line, "This line has " + record.size() + " values but the header names "
                + header.size() + " columns."));
            return null;
        }
        List<String> problems = new ArrayList<>();
        String source = value(record, header, "source").toLowerCase(Locale.ROOT);
        if (source.isEmpty()) {
            source = DEFAULT_SOURCE;
        } else if (!SourceName.isValid(source)) {
            problems.add("source " + SourceName.RULE);
        }
        String externalId = required(value(record, header, "externalId"), "externalId", 200, problems);
        String title = required(value(record, header, "title"), "title", 500, problems);
        String severityText = value(record, header, "severity");
        Severity severity = Severity.parse(severityText).orElse(null);
        if (severity == null) {
            problems.add(severityText.isEmpty() ? "severity is required (SEV1 to SEV5)"
                : "severity \"" + severityText + "\" is not one of SEV1 to SEV5 (or P1-P5, critical, high, …)");
        }
        Times times = times(value(record, header, "startedAt"), value(record, header, "acknowledgedAt"),
            value(record, header, "resolvedAt"), now, problems);
        String service = optional(value(record, header, "service"), "service", 200, problems);
        String team = optional(value(record, header, "team"), "team", 200, problems);
        String url = link(value(record, header, "url"), problems);
        List<Identity> people = new ArrayList<>();
        for (String who : split(value(record, header, "commander"))) {
            person(who, ResponderRole.COMMANDER, "commander", people, problems);
        }
        for (String who : split(value(record, header, "responders"))) {
            person(who, ResponderRole.RESPONDER, "responders", people, problems);
        }
        problems.forEach(p -> errors.add(new LineError(line, p + ".")));
        return problems.isEmpty() ? new Row(line, source, externalId, title, severity, service, team, url,
            times.started(), times.acknowledged(), times.resolved(), people) : null;
    }
}
