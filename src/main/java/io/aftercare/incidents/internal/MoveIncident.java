package io.aftercare.incidents.internal;

import static io.aftercare.incidents.internal.IncidentService.CLOCK_SKEW;
import static io.aftercare.incidents.internal.IncidentService.MANUAL;
import static io.aftercare.incidents.internal.IncidentInputs.latest;
import static io.aftercare.incidents.internal.IncidentInputs.micros;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.aftercare.incidents.IncidentResolved;
import io.aftercare.incidents.IncidentStatus;
import io.aftercare.incidents.IncidentView;
import io.aftercare.incidents.internal.IncidentRepository.ResponderRow;
import io.aftercare.incidents.internal.IncidentRepository.Row;
import io.aftercare.shared.DomainException;

/** Moving an incident along: acknowledged, then resolved, each once, and the resolution announced. */
@Component
class MoveIncident {

    /** The day in a neutral incident reference: the day it started, in UTC. */
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH)
        .withZone(ZoneOffset.UTC);

    private final IncidentRepository incidents;
    private final IncidentViews views;
    private final Resolutions resolutions;
    private final MessageSource messages;
    private final Clock clock;

    MoveIncident(IncidentRepository incidents, IncidentViews views, Resolutions resolutions, MessageSource messages,
                 Clock clock) {
        this.incidents = incidents;
        this.views = views;
        this.resolutions = resolutions;
        this.messages = messages;
        this.clock = clock;
    }

    IncidentView acknowledge(UUID incidentId, Instant at, UUID actorId) {
        Row row = incidents.findForUpdate(incidentId).orElseThrow(() -> DomainException.notFound("The incident"));
        if (row.status() != IncidentStatus.TRIGGERED) {
            return views.view(row);
        }
        Instant now = IncidentInputs.now(clock);
        Instant when = at == null ? latest(now, row.startedAt()) : micros(at);
        checkTime("acknowledgedAt", when, row.startedAt(), now);
        if (incidents.acknowledge(row.id(), when, now)) {
            incidents.addTimeline(row.id(), when, TimelineKind.ACKNOWLEDGED, null, actorId, null);
        }
        return views.view(incidents.find(row.id()).orElseThrow());
    }

    IncidentView resolve(UUID incidentId, Instant at, UUID actorId) {
        Row row = incidents.findForUpdate(incidentId).orElseThrow(() -> DomainException.notFound("The incident"));
        if (row.status() == IncidentStatus.RESOLVED) {
            return views.view(row);
        }
        Instant now = IncidentInputs.now(clock);
        Instant earliest = row.acknowledgedAt() == null ? row.startedAt() : row.acknowledgedAt();
        Instant when = at == null ? latest(now, earliest) : micros(at);
        checkTime("resolvedAt", when, earliest, now);
        resolveLocked(row, when, actorId, now);
        return views.view(incidents.find(row.id()).orElseThrow());
    }

    /** Resolves the locked, unresolved incident at {@code when} and gathers it for the transaction's announcement. */
    void resolveLocked(Row row, Instant when, UUID actorId, Instant now) {
        if (!incidents.resolve(row.id(), when, now)) {
            return;
        }
        incidents.addTimeline(row.id(), when, TimelineKind.RESOLVED, null, actorId, null);
        List<ResponderRow> responders = incidents.responders(List.of(row.id())).getOrDefault(row.id(), List.of());
        resolutions.resolved(new IncidentResolved(row.id(), announcedTitle(row), row.severity(), row.teamId(),
            row.startedAt(), row.acknowledgedAt(), when, responders.stream()
            .map(r -> new IncidentResolved.Responder(r.personId(), r.role(), r.joinedAt())).toList()));
    }

    /**
     * The title that care, nudges and messages carry: an integration's own title, but never the free text a person
     * typed (decision 0018): for a manual incident, a neutral reference such as “the SEV2 incident of Tuesday
     * 1 December 2026”.
     */
    private String announcedTitle(Row row) {
        if (!MANUAL.equals(row.source())) {
            return row.title();
        }
        return messages.getMessage("incidents.neutralTitle", new Object[] {row.severity().name(),
            DAY.format(row.startedAt())}, Locale.ENGLISH);
    }

    private static void checkTime(String field, Instant when, Instant earliest, Instant now) {
        if (when.isBefore(earliest)) {
            throw DomainException.invalid(field, "must not be before the incident started or was acknowledged");
        }
        if (when.isAfter(now.plus(CLOCK_SKEW))) {
            throw DomainException.invalid(field, "must not be in the future");
        }
    }
}
