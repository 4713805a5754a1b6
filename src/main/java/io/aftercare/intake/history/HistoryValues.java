package io.aftercare.intake.history;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.aftercare.incidents.ResponderRole;
import io.aftercare.incidents.SourceName;
import io.aftercare.incidents.WebLink;
import io.aftercare.intake.source.GenericEventParser;
import io.aftercare.intake.source.SourceEvent.Identity;
import io.aftercare.shared.CsvReader;

/** The values both history formats share: times, people, links, lengths and lists. */
final class HistoryValues {

    private HistoryValues() {
    }

    static String value(CsvReader.Line record, Map<String, Integer> header, String column) {
        Integer i = header.get(column);
        return i == null || i >= record.size() ? "" : record.get(i).trim();
    }

    record Times(Instant started, Instant acknowledged, Instant resolved) {
    }

    static Times times(String started, String acknowledged, String resolved, Instant now,
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

    static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
        .append(DateTimeFormatter.ISO_LOCAL_DATE).optionalStart().appendLiteral('T').optionalEnd()
        .optionalStart().appendLiteral(' ').optionalEnd().append(DateTimeFormatter.ISO_LOCAL_TIME).toFormatter();
    static final DateTimeFormatter SPACED_OFFSET = new DateTimeFormatterBuilder()
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

    static void person(String who, ResponderRole role, String column, List<Identity> people,
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
        if (!SourceName.isValid(provider) || id.isEmpty() || id.length() > 200) {
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

    static String required(String value, String column, int max, List<String> problems) {
        if (value.isEmpty()) {
            problems.add(column + " is required");
            return null;
        }
        return optional(value, column, max, problems);
    }

    static String optional(String value, String column, int max, List<String> problems) {
        if (value.length() > max) {
            problems.add(column + " is longer than " + max + " characters");
            return null;
        }
        return value.isEmpty() ? null : value;
    }

    static String link(String value, List<String> problems) {
        if (value.isEmpty()) {
            return null;
        }
        if (WebLink.isValid(value)) {
            return value;
        }
        problems.add("url \"" + cut(value) + "\" is not an http or https link");
        return null;
    }

    static String cut(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }
}
