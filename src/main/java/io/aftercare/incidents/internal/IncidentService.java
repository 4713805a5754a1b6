package io.aftercare.incidents.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.aftercare.incidents.IncidentView;
import io.aftercare.incidents.Incidents;
import io.aftercare.incidents.NewIncident;
import io.aftercare.incidents.NewResponder;
import io.aftercare.incidents.PastIncident;
import io.aftercare.incidents.SourceName;
import io.aftercare.incidents.SourceUpdate;
import io.aftercare.shared.Page;
import io.aftercare.shared.PageRequest;
import io.aftercare.shared.DomainException;
import io.aftercare.shared.Problems.FieldError;

/**
 * The incidents module's facade: each call is one use case ({@link RecordIncident}, {@link AddResponder},
 * {@link MoveIncident}, {@link IncidentsByPeople}, {@link ImportPastIncidents}), run in one transaction; SQL and
 * row mapping are {@link IncidentRepository}'s, the views {@link IncidentViews}'.
 */
@Service
public class IncidentService implements Incidents {

    public static final String MANUAL = "manual";

    /** Clocks of alerting tools and browsers run a little apart; a time this far ahead still counts as now. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /**
     * How far back a person who is not an admin may date an incident they record or resolve by hand (decision 0018).
     * Older incidents come in through the history import, which opens no care.
     */
    public static final Duration PEOPLE_BACKDATING = Duration.ofDays(30);

    /** The {@code reason} of a 403 problem when the incident is an integration's. */
    public static final String FROM_INTEGRATION = "fromIntegration";

    /** The {@code reason} of a 403 problem when someone else may not be added by this person. */
    public static final String NOT_ALLOWED = "notAllowed";

    /** What {@link #recordIncident} did. */
    public record Recorded(IncidentView incident, boolean created) {
    }

    /** Someone recording or changing incidents through the API or the pages, as opposed to an integration. */
    public record Actor(UUID personId, boolean admin) {
    }

    private final IncidentRepository incidents;
    private final IncidentViews views;
    private final RecordIncident recorder;
    private final AddResponder responders;
    private final MoveIncident moves;
    private final IncidentsByPeople byPeople;
    private final ImportPastIncidents pastIncidents;

    IncidentService(IncidentRepository incidents, IncidentViews views, RecordIncident recorder,
                    AddResponder responders, MoveIncident moves, IncidentsByPeople byPeople,
                    ImportPastIncidents pastIncidents) {
        this.incidents = incidents;
        this.views = views;
        this.recorder = recorder;
        this.responders = responders;
        this.moves = moves;
        this.byPeople = byPeople;
        this.pastIncidents = pastIncidents;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<IncidentView> find(UUID id) {
        return views.find(id);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<IncidentView> findBySource(String source, String externalId) {
        if (source == null || externalId == null) {
            return Optional.empty();
        }
        return incidents.findBySource(SourceName.normalize(source), externalId.trim()).map(views::view);
    }

    /** The incident, or a 404 problem. */
    @Transactional(readOnly = true)
    public IncidentView get(UUID id) {
        return find(id).orElseThrow(() -> DomainException.notFound("The incident"));
    }

    @Transactional(readOnly = true)
    public Page<IncidentView> list(IncidentQuery query, PageRequest page) {
        long total = incidents.count(query);
        List<IncidentRepository.Row> rows = total == 0 ? List.of()
            : incidents.page(query, page.size(), page.offset());
        return new Page<>(views.views(rows), page.page(), page.size(), total);
    }

    @Transactional(readOnly = true)
    public List<TimelineEntry> timeline(UUID incidentId) {
        return views.timeline(incidentId);
    }

    @Override
    public IncidentView record(NewIncident incident, UUID actorId) {
        return recordIncident(incident, actorId).incident();
    }

    /** {@link #record}, telling whether the incident was new. */
    public Recorded recordIncident(NewIncident incident, UUID actorId) {
        return recordIncident(incident, actorId, List.of());
    }

    /**
     * {@link #record}, telling whether the incident was new.
     *
     * @param inputErrors what the caller already found wrong while reading its input (a severity it could not
     *                    read, say): reported together with any other invalid field, and nothing is written
     */
    public Recorded recordIncident(NewIncident incident, UUID actorId, List<FieldError> inputErrors) {
        // its own transactions: a race on a new incident is retried in a fresh one
        return recorder.record(incident, actorId, inputErrors);
    }

    @Override
    @Transactional
    public UUID applyFromSource(SourceUpdate update, UUID actorId) {
        return recorder.applyFromSource(update, actorId);
    }

    @Override
    @Transactional
    public IncidentView addResponder(UUID incidentId, NewResponder responder, UUID actorId) {
        return responders.add(incidentId, responder, actorId);
    }

    @Override
    @Transactional
    public IncidentView acknowledge(UUID incidentId, Instant at, UUID actorId) {
        return moves.acknowledge(incidentId, at, actorId);
    }

    @Override
    @Transactional
    public IncidentView resolve(UUID incidentId, Instant at, UUID actorId) {
        return moves.resolve(incidentId, at, actorId);
    }

    /** See {@link IncidentsByPeople#recordByPerson}: manual only, limited backdating, others named by leads. */
    public Recorded recordByPerson(NewIncident in, Actor actor, List<FieldError> inputErrors) {
        return byPeople.recordByPerson(in, actor, inputErrors);
    }

    /** See {@link IncidentsByPeople#addResponderByPerson}. */
    @Transactional
    public IncidentView addResponderByPerson(UUID incidentId, NewResponder responder, Actor actor) {
        return byPeople.addResponderByPerson(incidentId, responder, actor);
    }

    /** See {@link IncidentsByPeople#acknowledgeByPerson}. */
    @Transactional
    public IncidentView acknowledgeByPerson(UUID incidentId, Actor actor) {
        return byPeople.acknowledgeByPerson(incidentId, actor);
    }

    /** See {@link IncidentsByPeople#resolveByPerson}. */
    @Transactional
    public IncidentView resolveByPerson(UUID incidentId, Instant at, Actor actor) {
        return byPeople.resolveByPerson(incidentId, at, actor);
    }

    @Override
    @Transactional
    public List<UUID> importPast(List<PastIncident> past) {
        return pastIncidents.importPast(past);
    }
}
