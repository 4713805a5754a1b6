package io.aftercare.care.cases;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

import io.aftercare.care.CareCases;
import io.aftercare.care.ResolvedIncident;
import io.aftercare.incidents.IncidentResolved;
import io.aftercare.incidents.IncidentsResolved;

/**
 * Opens care cases when incidents are resolved: after the resolving transaction commits, all the incidents it
 * resolved in one transaction of care's own. The event publication registry redelivers them after a crash, and care
 * ignores an incident it has seen, so a redelivery changes nothing.
 *
 * <p>If that transaction fails, each incident is tried again in a transaction of its own, so that one incident care
 * cannot take does not keep the others' people from their cases; the failure is then rethrown, which leaves the
 * publication incomplete, to be delivered again (the incidents already taken are skipped then).
 */
@Component
class IncidentResolvedListener {

    private static final Logger log = LoggerFactory.getLogger(IncidentResolvedListener.class);

    private final CareCases care;

    IncidentResolvedListener(CareCases care) {
        this.care = care;
    }

    // no transaction of the listener's own: care's calls below each run in theirs
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(IncidentsResolved resolved) {
        List<ResolvedIncident> incidents = resolved.incidents().stream().map(IncidentResolvedListener::care).toList();
        try {
            care.incidentsResolved(incidents);
        } catch (RuntimeException batch) {
            if (incidents.size() == 1) {
                throw batch;
            }
            log.warn("Care could not open the cases of {} resolved incidents together ({}); one at a time",
                incidents.size(), batch.toString());
            RuntimeException first = null;
            for (ResolvedIncident incident : incidents) {
                try {
                    care.incidentResolved(incident);
                } catch (RuntimeException e) {
                    log.warn("Care could not open the cases of incident {}: {}", incident.incidentId(), e.toString());
                    first = first == null ? e : first;
                }
            }
            if (first != null) {
                throw first;
            }
        }
    }

    private static ResolvedIncident care(IncidentResolved resolved) {
        return new ResolvedIncident(resolved.incidentId(), resolved.title(), resolved.severity().name(),
            resolved.startedAt(), resolved.acknowledgedAt(), resolved.resolvedAt(), resolved.responders().stream()
            .map(r -> new ResolvedIncident.Responder(r.personId(), r.role().name(), r.joinedAt())).toList());
    }
}
