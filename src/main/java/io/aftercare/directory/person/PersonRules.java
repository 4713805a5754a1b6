package io.aftercare.directory.person;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.aftercare.shared.Problems.FieldError;

/** The checks a person's fields must pass, shared by the API, the forms and CSV import. */
public final class PersonRules {

    public static final LocalTime DEFAULT_QUIET_START = LocalTime.of(21, 0);
    public static final LocalTime DEFAULT_QUIET_END = LocalTime.of(8, 0);
    public static final Set<DayOfWeek> DEFAULT_WEEKEND = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    public static final Set<String> KNOWN_PROVIDERS = Set.of("pagerduty", "opsgenie", "slack", "incidentio",
        "grafana-oncall");

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PROVIDER = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,39}$");

    private PersonRules() {
    }

    public static String normalizeEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    public static void checkName(String name, List<FieldError> errors) {
        if (name == null || name.isBlank()) {
            errors.add(new FieldError("name", "is required"));
        } else if (name.trim().length() > 200) {
            errors.add(new FieldError("name", "must be at most 200 characters"));
        }
    }

    public static void checkEmail(String email, List<FieldError> errors) {
        if (email == null || email.isBlank()) {
            errors.add(new FieldError("email", "is required"));
        } else if (email.trim().length() > 320 || !EMAIL.matcher(email.trim()).matches()) {
            errors.add(new FieldError("email", "is not an e-mail address"));
        }
    }

    public static Optional<ZoneId> zone(String timeZone, List<FieldError> errors) {
        if (timeZone == null || timeZone.isBlank()) {
            return Optional.of(ZoneId.of("UTC"));
        }
        try {
            if (!ZoneId.getAvailableZoneIds().contains(timeZone.trim()) && !timeZone.trim().equals("UTC")) {
                throw new DateTimeException("unknown");
            }
            return Optional.of(ZoneId.of(timeZone.trim()));
        } catch (DateTimeException e) {
            errors.add(new FieldError("timeZone", "is not a known IANA time zone (for example Europe/Berlin)"));
            return Optional.empty();
        }
    }

    public static void checkIdentities(Map<String, String> identities, List<FieldError> errors) {
        if (identities == null) {
            return;
        }
        identities.forEach((provider, id) -> {
            if (provider == null || !PROVIDER.matcher(provider).matches()) {
                errors.add(new FieldError("externalIdentities", "provider names are lower-case words"));
            } else if (id != null && id.trim().length() > 200) {
                errors.add(new FieldError("externalIdentities." + provider, "must be at most 200 characters"));
            }
        });
    }

    public static List<FieldError> errors() {
        return new ArrayList<>();
    }
}
