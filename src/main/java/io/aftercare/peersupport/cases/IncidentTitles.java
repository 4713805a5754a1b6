package io.aftercare.peersupport.cases;

import java.util.Optional;
import java.util.UUID;

/**
 * The title of an incident, for a nudge and for a supporter when the person chose to share it: an alerting tool's
 * title only (see {@link IncidentTitlesFromIncidents}); without one the wording says "an incident".
 */
public interface IncidentTitles {

    Optional<String> title(UUID incidentId);
}
