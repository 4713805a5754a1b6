package io.aftercare.incidents;

import java.util.List;

/**
 * Incidents were resolved: published once per resolving transaction, listing every incident it resolved (one for a
 * resolve by hand, up to a batch of stored webhook deliveries' worth from intake), so that a listener can handle
 * them together, in one transaction of its own, rather than paying a transaction and an event publication for each.
 * Never empty; an incident appears in at most one of these, in the transaction that resolved it.
 */
public record IncidentsResolved(List<IncidentResolved> incidents) {

    public IncidentsResolved {
        incidents = List.copyOf(incidents);
        if (incidents.isEmpty()) {
            throw new IllegalArgumentException("an IncidentsResolved lists at least one incident");
        }
    }
}
