package io.aftercare.identity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Implemented by a module for the audit entries it writes, so the admin's audit page can say what an entry was done
 * to by name and its detail in words. The log itself, its API and its filter keep the stored codes and ids.
 */
public interface AuditEntryWords {

    /** The entry in words, or empty when the entry is not one this module writes. */
    Optional<Words> describe(AuditLog.AuditEntry entry);

    /** The entry's target when it is a bare id, as the entries of webhooks and messages have. */
    static Optional<UUID> targetId(AuditLog.AuditEntry entry) {
        return uuid(entry.target());
    }

    /** An id written into an entry's target or detail; empty when {@code value} is none. */
    static Optional<UUID> uuid(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /**
     * The fields of a detail stored as a Java record prints itself (its name, then each field and its value in
     * brackets), by name; empty for any other detail. The values are the plain ones such settings hold: numbers,
     * true or false, times of day.
     */
    static Map<String, String> recordFields(String detail) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (detail == null || !detail.endsWith("]") || detail.indexOf('[') < 1) {
            return fields;
        }
        for (String pair : detail.substring(detail.indexOf('[') + 1, detail.length() - 1).split(", ")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return fields;
    }

    /**
     * @param on     what the entry was done to, by name, or a short form when it has no name (any more)
     * @param detail the detail in words, or {@code null} for none
     */
    record Words(String on, String detail) {
    }
}
