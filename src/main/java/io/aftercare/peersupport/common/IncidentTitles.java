package io.aftercare.peersupport.common;

import java.util.Optional;
import java.util.UUID;

/**
 * The title of an incident, for a nudge and for a supporter when the person chose to share it. The incidents module
 * is not part of this build yet, so the only implementation knows no titles and the wording falls back to
 * "an incident". Once it is, an adapter that asks {@code Incidents.find(id)} for the title replaces
 * {@link NoIncidentTitles}.
 */
public interface IncidentTitles {

    Optional<String> title(UUID incidentId);
}
