package io.aftercare.peersupport.common;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.aftercare.incidents.IncidentView;
import io.aftercare.incidents.Incidents;

/** Incident titles for nudges and supporter requests, read through the incidents module's API. */
@Component
class IncidentTitlesFromIncidents implements IncidentTitles {

    private final Incidents incidents;

    IncidentTitlesFromIncidents(Incidents incidents) {
        this.incidents = incidents;
    }

    @Override
    public Optional<String> title(UUID incidentId) {
        return incidentId == null ? Optional.empty() : incidents.find(incidentId).map(IncidentView::title);
    }
}
