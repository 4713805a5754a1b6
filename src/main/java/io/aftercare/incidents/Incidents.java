package io.aftercare.incidents;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The incidents module's API for other modules (intake, demo data): record incidents and move them along.
 *
 * <p>Every method is all-or-nothing and refuses with {@link io.aftercare.shared.DomainException}: {@code Invalid}
 * naming the fields (an unknown team, a responder nobody in the directory is, a time before the start),
 * {@code NotFound} for an unknown incident.
 */
public interface Incidents {

    Optional<IncidentView> find(UUID id);

    Optional<IncidentView> findBySource(String source, String externalId);

    /**
     * Records a new incident and publishes {@link IncidentOpened}; or, when the same (source, externalId) is already
     * known, updates it instead: the title, severity, service, team and link that are given replace the stored ones
     * ({@code null} keeps them), and responders are added (a person already in it takes the new role).
     *
     * @param actorId the person recording it, or {@code null} when a source did
     */
    IncidentView record(NewIncident incident, UUID actorId);

    /**
     * Applies what an alerting tool says about an incident, in one step and in the caller's transaction: records or
     * updates it as {@link #record} does, then moves it on to the status the source gives, never back, as
     * {@link #acknowledge} and {@link #resolve} do (resolving is announced the same way). Unlike those, a time the
     * source gives is kept within the incident's life rather than refused: one before the start (or the
     * acknowledgement) counts as that moment, one in the future as now, because sources' clocks and deliveries
     * arrive as they do. The incident is read and locked once, and no view of it is built.
     *
     * @param actorId the person who sent it through a token of theirs, or {@code null} when a source did
     * @return the incident's id
     */
    UUID applyFromSource(SourceUpdate update, UUID actorId);

    /** Adds a person to the incident; if they are already in it, their role changes to the given one. */
    IncidentView addResponder(UUID incidentId, NewResponder responder, UUID actorId);

    /**
     * Marks the incident acknowledged at the given time ({@code null}: now). Idempotent: an incident already
     * acknowledged or resolved stays as it is.
     */
    IncidentView acknowledge(UUID incidentId, Instant at, UUID actorId);

    /**
     * Resolves the incident at the given time ({@code null}: now) and announces it: when the caller's transaction
     * commits, one {@link IncidentsResolved} lists every incident that transaction resolved. Idempotent: resolving a
     * resolved incident changes nothing and announces nothing.
     */
    IncidentView resolve(UUID incidentId, Instant at, UUID actorId);

    /**
     * Records past incidents in the caller's transaction (history import), resolved, with their responders and a
     * timeline, and publishes nothing: neither {@link IncidentOpened} nor {@link IncidentsResolved}, so history never
     * opens a care case. An incident whose (source, externalId) is already known is left exactly as it is, which
     * makes importing the same file twice harmless.
     *
     * @return for each given incident, in order, its new id, or {@code null} when it was already known
     */
    List<UUID> importPast(List<PastIncident> incidents);
}
