package io.aftercare.intake.history;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import io.aftercare.incidents.ResponderRole;
import io.aftercare.incidents.Severity;
import io.aftercare.intake.source.GenericEventParser;
import io.aftercare.intake.source.SourceEvent.Identity;

/**
 * Reads a CSV file of past incidents, in Aftercare's own columns or as PagerDuty exports it (docs/integrations/
 * history-import.md), and reports every line it cannot take with the line number and the reason. Reads only: the
 * directory is not asked here.
 */
final class HistoryCsv {

    /** Aftercare's own columns, in the order the documentation lists them. */
    static final List<String> COLUMNS = List.of("externalId", "title", "severity", "startedAt", "resolvedAt",
        "acknowledgedAt", "service", "team", "url", "source", "commander", "responders");
    static final int MAX_ROWS = 200_000;
    static final String DEFAULT_SOURCE = "import";
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

    private HistoryCsv() {
    }

    enum Format {
        AFTERCARE, PAGERDUTY
    }

    /** A problem with one line of the file (line 1 is the header). */
    record LineError(long line, String message) {
    }

    /** One past incident as the file gives it; people as the file names them. */
    record Row(long line, String source, String externalId, String title, Severity severity, String service,
               String team, String url, Instant startedAt, Instant acknowledgedAt, Instant resolvedAt,
               List<Identity> people) {
    }

    record Parsed(Format format, List<Row> rows, List<LineError> errors, long lines) {
    }

    /** Roughly how many lines the text has, for a progress bar before it is read. */
    static long countLines(String text) {
        long n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return text.isEmpty() || text.endsWith("\n") ? n : n + 1;
    }

    /**
     * @param checked told the number of lines read so far, now and then
     */
    static Parsed parse(String text, Instant now, IntConsumer checked) {
        if (text == null) {
            text = "";
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<LineError> errors = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        Format format = Format.AFTERCARE;
        Lines lines = new Lines(text);
        CSVFormat csv = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), csv)) {
            var records = parser.iterator();
            if (!records.hasNext()) {
                errors.add(new LineError(1, "The file is empty. Its first line names the columns, for example: "
                    + String.join(",", COLUMNS)));
                return new Parsed(format, rows, errors, 0);
            }
            CSVRecord headerRecord = records.next();
            format = isPagerDuty(headerRecord) ? Format.PAGERDUTY : Format.AFTERCARE;
            Map<String, Integer> header = format == Format.PAGERDUTY ? pagerDutyHeader(headerRecord, errors)
                : header(headerRecord, errors);
            if (!errors.isEmpty()) {
                return new Parsed(format, rows, errors, 1);
            }
            Map<String, Long> seen = new HashMap<>();
            int count = 0;
            while (records.hasNext()) {
                CSVRecord record;
                try {
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    errors.add(new LineError(parser.getCurrentLineNumber() + 1,
                        "This line cannot be read as CSV (check its quotes); nothing after it was read."));
                    break;
                }
                long line = lines.lineOf(record.getCharacterPosition());
                if (++count > MAX_ROWS) {
                    errors.add(new LineError(line, "A file may have at most " + MAX_ROWS
                        + " incidents. Split it into smaller files."));
                    break;
                }
                if (count % 1000 == 0) {
                    checked.accept(count);
                }
                int before = errors.size();
                Row row = format == Format.PAGERDUTY ? pagerDutyRow(record, line, header, now, errors)
                    : row(record, line, header, now, errors);
                if (row != null && errors.size() == before) {
                    Long earlier = seen.putIfAbsent(row.source() + "\u0000" + row.externalId(), line);
                    if (earlier != null) {
                        errors.add(new LineError(line, "The incident " + row.externalId() + " is already on line "
                            + earlier + "."));
                    } else {
                        rows.add(row);
                    }
                }
            }
            checked.accept(count);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            errors.add(new LineError(1, "The file cannot be read as CSV (check its quotes)."));
        }
        if (errors.isEmpty() && rows.isEmpty()) {
            errors.add(new LineError(1, "The file has a header line but no incidents."));
        }
        return new Parsed(format, rows, errors, lines.last());
    }

    /** Line numbers of character positions, counted once from the start (the positions only grow). */
    private static final class Lines {
        private final String text;
        private int position;
        private long line = 1;

        Lines(String text) {
            this.text = text;
        }

        long lineOf(long characterPosition) {
            int target = (int) Math.min(characterPosition, text.length());
            for (; position < target; position++) {
                if (text.charAt(position) == '\n') {
                    line++;
                }
            }
            return line;
        }

        long last() {
            return line;
        }
    }

    static String key(String column) {
        return column.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static boolean isPagerDuty(CSVRecord header) {
        for (String column : header) {
            String k = key(column);
            if (k.equals("createdon") || k.equals("incidentnumber") || k.equals("resolvedon")) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Integer> header(CSVRecord record, List<LineError> errors) {
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

    /** PagerDuty exports carry many more columns than we use; the others are left alone. */
    private static Map<String, Integer> pagerDutyHeader(CSVRecord record, List<LineError> errors) {
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

    private static String value(CSVRecord record, Map<String, Integer> header, String column) {
        Integer i = header.get(column);
        return i == null || i >= record.size() ? "" : record.get(i).trim();
    }

    private static Row row(CSVRecord record, long line, Map<String, Integer> header, Instant now,
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
        } else if (!source.matches("[a-z0-9][a-z0-9._-]{0,39}")) {
            problems.add("source must be a short name of lower-case letters, digits, '.', '_' or '-'");
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

    private static Row pagerDutyRow(CSVRecord record, long line, Map<String, Integer> header, Instant now,
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
        Severity severity = pagerDutySeverity(value(record, header, "priority"), value(record, header, "urgency"),
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
    private static Severity pagerDutySeverity(String priority, String urgency, List<String> problems) {
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

    private record Times(Instant started, Instant acknowledged, Instant resolved) {
    }

    private static Times times(String started, String acknowledged, String resolved, Instant now,
                               List<String> problems) {
        Instant s = time(started, "the start", true, problems);
        Instant a = time(acknowledged, "the acknowledgement", false, problems);
        Instant r = time(resolved, "the resolution", true, problems);
        if (s != null && s.isAfter(now)) {
            problems.add("the start is in the future");
        }
        if (r != null && r.isAfter(now)) {
            problems.add("the resolution is in the future");
        }
        if (s != null && a != null && a.isBefore(s)) {
            problems.add("the acknowledgement is before the start");
        }
        if (s != null && r != null && r.isBefore(a != null ? a : s)) {
            problems.add("the resolution is before the " + (a != null ? "acknowledgement" : "start"));
        }
        return new Times(s, a, r);
    }

    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
        .append(DateTimeFormatter.ISO_LOCAL_DATE).optionalStart().appendLiteral('T').optionalEnd()
        .optionalStart().appendLiteral(' ').optionalEnd().append(DateTimeFormatter.ISO_LOCAL_TIME).toFormatter();
    private static final DateTimeFormatter SPACED_OFFSET = new DateTimeFormatterBuilder()
        .append(LOCAL).optionalStart().appendLiteral(' ').optionalEnd().appendOffset("+HH:MM", "Z")
        .toFormatter();

    /** ISO-8601 with an offset or Z; a space for the T is fine; without an offset the time is UTC. */
    static Instant time(String value, String what, boolean required, List<String> problems) {
        if (value.isEmpty()) {
            if (required) {
                problems.add(what + " is required");
            }
            return null;
        }
        try {
            return OffsetDateTime.parse(value, SPACED_OFFSET).toInstant().truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(value, LOCAL).toInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
            } catch (DateTimeParseException e2) {
                problems.add(what + " \"" + cut(value) + "\" is not a time like 2025-03-01T14:05:00Z");
                return null;
            }
        }
    }

    private static void person(String who, ResponderRole role, String column, List<Identity> people,
                               List<String> problems) {
        if (who.contains("@")) {
            if (who.length() > 320 || !who.matches("[^@\\s]+@[^@\\s]+")) {
                problems.add(column + " has \"" + cut(who) + "\", which is not an e-mail address");
            } else {
                people.add(new Identity(GenericEventParser.EMAIL, null, null, who, role));
            }
            return;
        }
        int colon = who.indexOf(':');
        String provider = colon < 0 ? "" : who.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String id = colon < 0 ? "" : who.substring(colon + 1).trim();
        if (!provider.matches("[a-z0-9][a-z0-9._-]{0,39}") || id.isEmpty() || id.length() > 200) {
            problems.add(column + " has \"" + cut(who) + "\": give an e-mail or tool:id (like pagerduty:PABC123)");
            return;
        }
        people.add(new Identity(provider, id, null, null, role));
    }

    static List<String> split(String value) {
        if (value.isEmpty()) {
            return List.of();
        }
        List<String> parts = new ArrayList<>();
        for (String part : value.split("[;,|\\s]+")) {
            if (!part.isBlank()) {
                parts.add(part.trim());
            }
        }
        return parts;
    }

    private static String required(String value, String column, int max, List<String> problems) {
        if (value.isEmpty()) {
            problems.add(column + " is required");
            return null;
        }
        return optional(value, column, max, problems);
    }

    private static String optional(String value, String column, int max, List<String> problems) {
        if (value.length() > max) {
            problems.add(column + " is longer than " + max + " characters");
            return null;
        }
        return value.isEmpty() ? null : value;
    }

    private static String link(String value, List<String> problems) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (value.length() <= 2000 && (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return value;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        problems.add("url \"" + cut(value) + "\" is not an http or https link");
        return null;
    }

    private static String cut(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }
}
