package io.aftercare.intake.integration;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The tools that can send incidents, by the name used in URLs and as the incidents' source. */
public enum IntegrationType {
    PAGERDUTY("pagerduty", true),
    OPSGENIE("opsgenie", false),
    ALERTMANAGER("alertmanager", false),
    INCIDENTIO("incidentio", true),
    GRAFANA_ONCALL("grafana-oncall", false),
    GENERIC("generic", false);

    private final String slug;
    private final boolean vendorSecret;

    IntegrationType(String slug, boolean vendorSecret) {
        this.slug = slug;
        this.vendorSecret = vendorSecret;
    }

    /** The name in {@code /webhooks/{type}/…}, in the API and as the incidents' source. */
    public String slug() {
        return slug;
    }

    /**
     * Whether the tool itself makes the signing secret (PagerDuty, incident.io) and the admin pastes it into
     * Aftercare; for the others Aftercare makes a token and the admin pastes that into the tool.
     */
    public boolean vendorSecret() {
        return vendorSecret;
    }

    public static Optional<IntegrationType> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.slug.equals(v)).findFirst();
    }
}
