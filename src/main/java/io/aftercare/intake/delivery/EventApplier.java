package io.aftercare.intake.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.aftercare.directory.Directory;
import io.aftercare.directory.TeamRef;
import io.aftercare.incidents.IncidentStatus;
import io.aftercare.incidents.Incidents;
import io.aftercare.incidents.NewIncident;
import io.aftercare.incidents.NewResponder;
import io.aftercare.incidents.ResponderRole;
import io.aftercare.incidents.Severity;
import io.aftercare.incidents.SourceUpdate;
import io.aftercare.incidents.WebLink;
import io.aftercare.intake.source.GenericEventParser;
import io.aftercare.intake.source.SourceEvent;
import io.aftercare.intake.source.SourceEvent.Identity;

/**
 * Turns a source's event into calls on the incidents module, in the caller's transaction.
 *
 * <p>Order-tolerant: every event carries enough to create the incident if it is not known yet (a resolve that
 * arrives first creates it, from the event's own start time, and resolves it), status only moves forward, and every
 * time is kept between the incident's start and now, so a late or early event never makes the incidents module
 * refuse it.
 */
@Component
class EventApplier {

    static final Severity DEFAULT_SEVERITY = Severity.SEV3;

    private final Incidents incidents;
    private final Directory directory;
    private final UnmatchedRepository unmatched;
    private final Clock clock;

    EventApplier(Incidents incidents, Directory directory, UnmatchedRepository unmatched, Clock clock) {
        this.incidents = incidents;
        this.directory = directory;
        this.unmatched = unmatched;
        this.clock = clock;
    }

    private record Unknown(String provider, String externalId, String name, String email, ResponderRole role) {
    }

    /** @return the incident the event was about */
    UUID apply(String source, SourceEvent e, UUID actorId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        UUID teamId = e.teamName() == null ? null
            : directory.teamByName(e.teamName()).map(TeamRef::id).orElse(null);
        Instant started = atMost(e.startedAt() != null ? e.startedAt() : e.occurredAt(), now);
        Instant joined = atMost(e.occurredAt() != null ? e.occurredAt() : started, now);

        List<NewResponder> known = new ArrayList<>();
        List<Unknown> unknown = new ArrayList<>();
        for (Identity who : e.responders()) {
            ResponderRole role = who.role() == null ? ResponderRole.RESPONDER : who.role();
            Optional<UUID> person = person(who);
            if (person.isPresent()) {
                known.add(new NewResponder(person.get(), null, role, joined));
            } else {
                String provider = who.externalId() != null ? who.provider() : GenericEventParser.EMAIL;
                String id = who.externalId() != null ? who.externalId() : who.email().toLowerCase(Locale.ROOT);
                unknown.add(new Unknown(provider, id, who.name(), who.email(), role));
            }
        }
        if (teamId != null && e.onCallAt() != null) {
            Instant at = atMost(e.onCallAt(), now);
            for (UUID person : directory.onCall(teamId, at)) {
                known.add(new NewResponder(person, null, ResponderRole.RESPONDER, at));
            }
        }

        IncidentStatus status = e.status() == null ? IncidentStatus.TRIGGERED : e.status();
        Instant acknowledgedAt = e.acknowledgedAt() != null ? e.acknowledgedAt()
            : status == IncidentStatus.ACKNOWLEDGED ? e.occurredAt() : null;
        Instant resolvedAt = status != IncidentStatus.RESOLVED ? null
            : e.resolvedAt() != null ? e.resolvedAt() : e.occurredAt();
        UUID incident = incidents.applyFromSource(new SourceUpdate(new NewIncident(source, e.externalId(),
            cut(e.title(), 500), e.severity(), cut(e.service(), 200), teamId, WebLink.orNull(e.url()), started, known), status,
            acknowledgedAt, resolvedAt, "Incident " + cut(e.externalId(), 100) + " from " + source, DEFAULT_SEVERITY),
            actorId);

        for (Unknown u : unknown) {
            UUID identity = unmatched.remember(u.provider(), u.externalId(), u.name(), u.email(), now);
            unmatched.addOccurrence(identity, incident, u.role(), joined);
        }
        return incident;
    }

    /** By the source's own id for them (or an admin's earlier mapping of it), else by e-mail. */
    private Optional<UUID> person(Identity who) {
        if (who.externalId() != null && !GenericEventParser.EMAIL.equals(who.provider())) {
            Optional<UUID> byId = directory.personIdByExternalIdentity(who.provider(), who.externalId());
            if (byId.isPresent()) {
                return byId;
            }
            byId = unmatched.mappedPerson(who.provider(), who.externalId());
            if (byId.isPresent()) {
                return byId;
            }
        }
        if (who.email() != null) {
            Optional<UUID> byEmail = directory.personIdByEmail(who.email());
            if (byEmail.isPresent()) {
                return byEmail;
            }
            return unmatched.mappedPerson(GenericEventParser.EMAIL, who.email().toLowerCase(Locale.ROOT));
        }
        return Optional.empty();
    }

    private static Instant atMost(Instant t, Instant now) {
        return t == null ? null : t.isAfter(now) ? now : t.truncatedTo(ChronoUnit.MICROS);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
