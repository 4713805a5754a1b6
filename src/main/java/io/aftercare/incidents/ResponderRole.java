package io.aftercare.incidents;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a person did in an incident. */
public enum ResponderRole {
    COMMANDER, RESPONDER, OBSERVER;

    public static Optional<ResponderRole> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.name().equals(v)).findFirst();
    }
}
