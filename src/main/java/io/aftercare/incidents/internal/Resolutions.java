package io.aftercare.incidents.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.aftercare.incidents.IncidentResolved;
import io.aftercare.incidents.IncidentsResolved;

/**
 * Gathers the incidents one transaction resolves and announces them together, as one {@link IncidentsResolved}
 * published just before that transaction commits (so its event publication is stored in it, and nothing is announced
 * when it rolls back). A batch of webhook deliveries resolving thirty incidents then costs care one transaction
 * instead of thirty, each with its own publication bookkeeping. The list lives in a synchronization of the current
 * transaction, so a nested {@code REQUIRES_NEW} transaction, whose synchronizations are suspended and restored with
 * it, gathers its own.
 */
@Component
class Resolutions {

    private final ApplicationEventPublisher events;

    Resolutions(ApplicationEventPublisher events) {
        this.events = events;
    }

    /** In a transaction: the incident is announced when it commits. */
    void resolved(IncidentResolved incident) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("an incident is resolved only in a transaction");
        }
        Gathered gathered = TransactionSynchronizationManager.getSynchronizations().stream()
            .filter(Gathered.class::isInstance).map(Gathered.class::cast).findFirst().orElse(null);
        if (gathered == null) {
            gathered = new Gathered();
            TransactionSynchronizationManager.registerSynchronization(gathered);
        }
        gathered.incidents.add(incident);
    }

    private final class Gathered implements TransactionSynchronization {

        final List<IncidentResolved> incidents = new ArrayList<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            if (!incidents.isEmpty()) {
                events.publishEvent(new IncidentsResolved(incidents));
            }
        }
    }
}
