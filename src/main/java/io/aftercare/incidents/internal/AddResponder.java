package io.aftercare.incidents.internal;

import static io.aftercare.incidents.internal.IncidentService.CLOCK_SKEW;
import static io.aftercare.incidents.internal.IncidentInputs.micros;
import static io.aftercare.incidents.internal.IncidentInputs.roleOrDefault;
import static io.aftercare.incidents.internal.IncidentInputs.trimToNull;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.aftercare.directory.Directory;
import io.aftercare.directory.PersonName;
import io.aftercare.incidents.IncidentView;
import io.aftercare.incidents.NewResponder;
import io.aftercare.incidents.ResponderRole;
import io.aftercare.incidents.internal.IncidentRepository.Row;
import io.aftercare.shared.DomainException;
import io.aftercare.shared.Problems.FieldError;

/** People joining an incident: who a responder names, when they joined, and adding them or changing their role. */
@Component
class AddResponder {

    /** A person about to be in an incident, in a role, since a time. */
    record Joining(UUID personId, ResponderRole role, Instant joinedAt) {
    }

    private final IncidentRepository incidents;
    private final Directory directory;
    private final IncidentViews views;
    private final Clock clock;

    AddResponder(IncidentRepository incidents, Directory directory, IncidentViews views, Clock clock) {
        this.incidents = incidents;
        this.directory = directory;
        this.views = views;
        this.clock = clock;
    }

    /** Adds the responder to the incident (locked), or changes their role; 404 or 400 naming the invalid fields. */
    IncidentView add(UUID incidentId, NewResponder responder, UUID actorId) {
        Row row = incidents.findForUpdate(incidentId).orElseThrow(() -> DomainException.notFound("The incident"));
        List<FieldError> errors = new ArrayList<>();
        Instant now = IncidentInputs.now(clock);
        if (responder == null) {
            throw DomainException.invalid("personId", "give a personId or an email");
        }
        Optional<UUID> person = resolvePerson(responder, "", errors);
        Instant joinedAt = joinedAt(responder, now, now, "", errors);
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        join(row.id(), new Joining(person.orElseThrow(), roleOrDefault(responder), joinedAt), actorId, now);
        return views.view(row);
    }

    /** Adds the person, or changes their role if they are already in it. */
    void join(UUID incidentId, Joining j, UUID actorId, Instant now) {
        Optional<ResponderRole> current = incidents.roleOf(incidentId, j.personId());
        if (current.isEmpty()) {
            incidents.addResponder(incidentId, j.personId(), j.role(), j.joinedAt());
            incidents.addTimeline(incidentId, j.joinedAt(), TimelineKind.RESPONDER_ADDED, j.role().name(), actorId,
                j.personId());
        } else if (current.get() != j.role()) {
            incidents.changeRole(incidentId, j.personId(), j.role());
            incidents.addTimeline(incidentId, now, TimelineKind.ROLE_CHANGED, j.role().name(), actorId,
                j.personId());
        }
    }

    /** The directory person a responder names by id or e-mail; an unknown one is added to {@code errors}. */
    Optional<UUID> resolvePerson(NewResponder r, String prefix, List<FieldError> errors) {
        String email = trimToNull(r.email());
        if (r.personId() != null) {
            Optional<UUID> id = directory.names(List.of(r.personId())).stream().findFirst().map(PersonName::id);
            if (id.isEmpty()) {
                errors.add(new FieldError(prefix + "personId", "is not a person in the directory"));
            }
            return id;
        }
        if (email != null) {
            Optional<UUID> id = directory.personIdByEmail(email);
            if (id.isEmpty()) {
                errors.add(new FieldError(prefix + "email", "is not the e-mail of anyone in the directory"));
            }
            return id;
        }
        errors.add(new FieldError(prefix + "personId", "give a personId or an email"));
        return Optional.empty();
    }

    /**
     * When a responder joined: as given, else {@code unknown}, which is now for someone added to a running incident
     * and the start for someone named in the report that opens it.
     */
    static Instant joinedAt(NewResponder r, Instant unknown, Instant now, String prefix, List<FieldError> errors) {
        Instant joinedAt = micros(r.joinedAt());
        if (joinedAt == null) {
            return unknown;
        }
        if (joinedAt.isAfter(now.plus(CLOCK_SKEW))) {
            errors.add(new FieldError(prefix + "joinedAt", "must not be in the future"));
        }
        return joinedAt;
    }
}
