package io.aftercare.incidents;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The name of the tool an incident came from ({@code pagerduty}, {@code opsgenie}, {@code manual}, {@code import},
 * or any short name a generic integration gives): the one rule for what such a name may be, for recording an
 * incident, the history import and the intake alike. Names are compared without case.
 */
public final class SourceName {

    /** What a person is told when a name breaks the rule. */
    public static final String RULE = "must be a short name of lower-case letters, digits, '.', '_' or '-'";

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,39}");

    private SourceName() {
    }

    /** The name as it is stored: trimmed, lower case; null stays null. */
    public static String normalize(String source) {
        return source == null ? null : source.trim().toLowerCase(Locale.ROOT);
    }

    /** Whether the name, once normalized, is a source name: 1 to 40 of a-z, 0-9, '.', '_', '-', not starting with a sign. */
    public static boolean isValid(String source) {
        return source != null && NAME.matcher(normalize(source)).matches();
    }
}
