package io.aftercare.identity;

import java.util.Arrays;
import java.util.Optional;

/** What a person may do in Aftercare. Everyone is a responder; the others are added. */
public enum Role {
    RESPONDER, SUPPORTER, LEAD, COORDINATOR, ADMIN;

    /** The Spring Security authority for this role. */
    public String authority() {
        return "ROLE_" + name();
    }

    public static Optional<Role> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim().toUpperCase(java.util.Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.name().equals(v)).findFirst();
    }
}
