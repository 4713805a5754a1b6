package io.aftercare.identity.token;

import java.util.Locale;
import java.util.Optional;

/** What a personal API token may do: READ only reads (GET, HEAD, OPTIONS); FULL does all its owner may. */
public enum TokenScope {
    READ, FULL;

    public static Optional<TokenScope> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip().toUpperCase(Locale.ROOT);
        for (TokenScope s : values()) {
            if (s.name().equals(v)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Whether a request with this HTTP method only reads. */
    public static boolean reads(String method) {
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    }
}
