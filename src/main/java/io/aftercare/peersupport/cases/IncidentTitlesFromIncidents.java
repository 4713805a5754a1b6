package io.aftercare.peersupport.cases;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.aftercare.incidents.IncidentView;
import io.aftercare.incidents.Incidents;

/**
 * Incident titles for nudges and supporter requests, read through the incidents module's API: an alerting tool's
 * title only. A title a person typed is never carried to someone else (decision 0018), so a manual incident has none
 * here and the wording says “an incident”.
 */
@Component
class IncidentTitlesFromIncidents implements IncidentTitles {

    private final Incidents incidents;

    IncidentTitlesFromIncidents(Incidents incidents) {
        this.incidents = incidents;
    }

    @Override
    public Optional<String> title(UUID incidentId) {
        return incidentId == null ? Optional.empty() : incidents.find(incidentId)
            .filter(i -> !"manual".equals(i.source())).map(IncidentView::title);
    }
}
