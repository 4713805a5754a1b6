package io.aftercare.incidents.internal;

import static io.aftercare.incidents.internal.IncidentService.FROM_INTEGRATION;
import static io.aftercare.incidents.internal.IncidentService.MANUAL;
import static io.aftercare.incidents.internal.IncidentService.NOT_ALLOWED;
import static io.aftercare.incidents.internal.IncidentService.PEOPLE_BACKDATING;
import static io.aftercare.incidents.internal.IncidentInputs.roleOrDefault;
import static io.aftercare.incidents.internal.IncidentInputs.trimToNull;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.aftercare.directory.Directory;
import io.aftercare.incidents.IncidentView;
import io.aftercare.incidents.NewIncident;
import io.aftercare.incidents.NewResponder;
import io.aftercare.incidents.ResponderRole;
import io.aftercare.incidents.ResponderView;
import io.aftercare.incidents.SourceName;
import io.aftercare.shared.DomainException;
import io.aftercare.shared.Problems.FieldError;

/**
 * What people may do to incidents through the API and the pages, as opposed to integrations (decision 0018): only
 * manual incidents, backdated at most {@link IncidentService#PEOPLE_BACKDATING} unless an admin, and others named
 * only by a commander, a lead or an admin.
 */
@Component
class IncidentsByPeople {

    private final RecordIncident recorder;
    private final AddResponder responders;
    private final MoveIncident moves;
    private final IncidentViews views;
    private final Directory directory;
    private final Clock clock;

    IncidentsByPeople(RecordIncident recorder, AddResponder responders, MoveIncident moves, IncidentViews views,
                      Directory directory, Clock clock) {
        this.recorder = recorder;
        this.responders = responders;
        this.moves = moves;
        this.views = views;
        this.directory = directory;
        this.clock = clock;
    }

    private IncidentView get(UUID id) {
        return views.find(id).orElseThrow(() -> DomainException.notFound("The incident"));
    }

    /**
     * Recording an incident for a person: the incident is always {@code manual} and has no external id (another
     * {@code source} or any {@code externalId} is a 400: integrations send theirs through intake); it started at most
     * {@link IncidentService#PEOPLE_BACKDATING} ago unless an admin records it; and other people may be named only
     * by its commander (the person recording it, naming themself COMMANDER), a lead of its team or of the person's
     * team, or an admin (403).
     */
    IncidentService.Recorded recordByPerson(NewIncident in, IncidentService.Actor actor,
                                            List<FieldError> inputErrors) {
        Objects.requireNonNull(in, "incident");
        List<FieldError> errors = new ArrayList<>(inputErrors);
        String source = trimToNull(in.source());
        if (source != null && !MANUAL.equals(SourceName.normalize(source))) {
            errors.add(new FieldError("source", "must be manual: incidents from alerting tools come in through their "
                + "integration"));
        }
        if (trimToNull(in.externalId()) != null) {
            errors.add(new FieldError("externalId", "is set only by integrations"));
        }
        Instant earliest = IncidentInputs.now(clock).minus(PEOPLE_BACKDATING);
        if (!actor.admin() && in.startedAt() != null && in.startedAt().isBefore(earliest)) {
            errors.add(new FieldError("startedAt", "must be within the last " + PEOPLE_BACKDATING.toDays()
                + " days; older incidents come in through the history import"));
        }
        boolean commander = in.responders().stream().anyMatch(r -> r != null
            && actor.personId().equals(personIdOf(r)) && r.role() == ResponderRole.COMMANDER);
        if (!actor.admin() && !commander) {
            for (NewResponder r : in.responders()) {
                UUID person = r == null ? null : personIdOf(r);
                if (person != null && !person.equals(actor.personId())
                    && !leadOf(actor.personId(), in.teamId(), List.of(person))) {
                    throw mayNotAddOthers();
                }
            }
        }
        return recorder.record(new NewIncident(MANUAL, null, in.title(), in.severity(), in.service(),
            in.teamId(), in.url(), in.startedAt(), in.responders()), actor.personId(), errors);
    }

    /**
     * Adding a responder for a person. Anyone may add themself as a responder or observer; naming a commander or
     * adding someone else is for the incident's commander, a lead of a team involved (the incident's, a responder's
     * or the added person's) and admins; and an incident from an integration is changed here by admins only (403).
     */
    IncidentView addResponderByPerson(UUID incidentId, NewResponder responder, IncidentService.Actor actor) {
        IncidentView incident = get(incidentId);
        if (responder == null) {
            throw DomainException.invalid("personId", "give a personId or an email");
        }
        UUID person = personIdOf(responder);
        boolean self = actor.personId().equals(person) && roleOrDefault(responder) != ResponderRole.COMMANDER;
        if (!actor.admin() && !self) {
            if (!MANUAL.equals(incident.source())) {
                throw fromIntegration();
            }
            boolean commander = incident.responders().stream().anyMatch(r -> r.personId().equals(actor.personId())
                && r.role() == ResponderRole.COMMANDER);
            List<UUID> involved = new ArrayList<>(incident.responders().stream().map(ResponderView::personId)
                .toList());
            if (person != null) {
                involved.add(person);
            }
            if (!commander && !leadOf(actor.personId(), incident.teamId(), involved)) {
                throw mayNotAddOthers();
            }
        }
        return responders.add(incidentId, responder, actor.personId());
    }

    /** Acknowledging for a person: an incident from an integration is moved along by it, or by an admin. */
    IncidentView acknowledgeByPerson(UUID incidentId, IncidentService.Actor actor) {
        checkManualOrAdmin(get(incidentId), actor);
        return moves.acknowledge(incidentId, null, actor.personId());
    }

    /**
     * Resolving for a person: an incident from an integration is resolved by it, or by an admin; and a time
     * given is at most {@link IncidentService#PEOPLE_BACKDATING} ago unless an admin gives it.
     */
    IncidentView resolveByPerson(UUID incidentId, Instant at, IncidentService.Actor actor) {
        checkManualOrAdmin(get(incidentId), actor);
        if (!actor.admin() && at != null && at.isBefore(IncidentInputs.now(clock).minus(PEOPLE_BACKDATING))) {
            throw DomainException.invalid("resolvedAt", "must be within the last " + PEOPLE_BACKDATING.toDays()
                + " days");
        }
        return moves.resolve(incidentId, at, actor.personId());
    }

    private static void checkManualOrAdmin(IncidentView incident, IncidentService.Actor actor) {
        if (!actor.admin() && !MANUAL.equals(incident.source())) {
            throw fromIntegration();
        }
    }

    private static DomainException fromIntegration() {
        return DomainException.notAllowed("This incident comes from an integration, which keeps it up to date; only "
            + "an admin can change it here. You can add yourself to it.", FROM_INTEGRATION);
    }

    private static DomainException mayNotAddOthers() {
        return DomainException.notAllowed("Adding other people to an incident is for its commander, a lead of a "
            + "team in it, or an admin. You can add yourself.", NOT_ALLOWED);
    }

    /** The person a responder names, if anyone in the directory: unknown ones are reported as fields later. */
    private UUID personIdOf(NewResponder r) {
        if (r.personId() != null) {
            return r.personId();
        }
        String email = trimToNull(r.email());
        return email == null ? null : directory.personIdByEmail(email).orElse(null);
    }

    /** Whether the person leads the team, or a team of any of the people. */
    private boolean leadOf(UUID personId, UUID teamId, Collection<UUID> people) {
        if (teamId != null && directory.team(teamId).map(t -> t.leads().contains(personId)).orElse(false)) {
            return true;
        }
        return people.stream().distinct().flatMap(p -> directory.teamsOf(p).stream())
            .anyMatch(t -> t.leads().contains(personId));
    }
}
