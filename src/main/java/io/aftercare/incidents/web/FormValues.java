package io.aftercare.incidents.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;

/** Reading what was typed into the incident pages' forms: blank is nothing, anything unreadable is empty. */
final class FormValues {

    private FormValues() {
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static Optional<UUID> uuid(String value) {
        if (blank(value)) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A date ("2026-09-03"). */
    static Optional<LocalDate> date(String value) {
        if (blank(value)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value.trim()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A local date and time as a datetime-local input sends it, in the viewer's zone. */
    static Optional<Instant> dateTime(String value, ZoneId zone) {
        if (blank(value)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(value.trim()).atZone(zone).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
