package io.aftercare.incidents;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How bad an incident is, SEV1 (worst) to SEV5. Every source's own scale is normalised to this one. */
public enum Severity {
    SEV1, SEV2, SEV3, SEV4, SEV5;

    private static final Map<String, Severity> WORDS = Map.ofEntries(
        Map.entry("critical", SEV1), Map.entry("crit", SEV1), Map.entry("emergency", SEV1),
        Map.entry("high", SEV2), Map.entry("major", SEV2), Map.entry("error", SEV2),
        Map.entry("medium", SEV3), Map.entry("moderate", SEV3), Map.entry("warning", SEV3),
        Map.entry("warn", SEV3), Map.entry("low", SEV4), Map.entry("minor", SEV4),
        Map.entry("info", SEV5), Map.entry("informational", SEV5), Map.entry("lowest", SEV5));

    /** "SEV2", "sev-2", "P2", "S2", "severity 2", "2": compiled once, as every webhook's severity goes through it. */
    private static final Pattern LEVEL = Pattern.compile("(?:(?:severity|sev|p|s)[\\s_-]?)?([1-5])");

    /**
     * Reads the ways alerting tools write a severity: {@code SEV2}, {@code sev-2}, {@code Sev 2}, {@code P2},
     * {@code 2}, and the words {@code critical}, {@code high}/{@code major}/{@code error}, {@code medium}/
     * {@code warning}, {@code low}/{@code minor}, {@code info}. Levels beyond 5 ({@code P6}) are not guessed at.
     *
     * @return the severity, or empty when the value is missing or means nothing we know
     */
    public static Optional<Severity> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        Severity word = WORDS.get(v);
        if (word != null) {
            return Optional.of(word);
        }
        Matcher m = LEVEL.matcher(v);
        return m.matches() ? Optional.of(values()[m.group(1).charAt(0) - '1']) : Optional.empty();
    }
}
