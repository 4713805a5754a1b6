package io.aftercare.care.cases;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.aftercare.care.CareCases;
import io.aftercare.care.ResolvedIncident;
import io.aftercare.incidents.IncidentResolved;

/**
 * Opens care cases when an incident is resolved. Runs after the resolving transaction commits, in its own; the
 * event publication registry redelivers it after a crash, and care ignores an incident it has seen.
 */
@Component
class IncidentResolvedListener {

    private final CareCases care;

    IncidentResolvedListener(CareCases care) {
        this.care = care;
    }

    @ApplicationModuleListener
    void on(IncidentResolved resolved) {
        care.incidentResolved(new ResolvedIncident(resolved.incidentId(), resolved.title(),
            resolved.severity().name(), resolved.startedAt(), resolved.acknowledgedAt(), resolved.resolvedAt(),
            resolved.responders().stream()
                .map(r -> new ResolvedIncident.Responder(r.personId(), r.role().name(), r.joinedAt()))
                .toList()));
    }
}
