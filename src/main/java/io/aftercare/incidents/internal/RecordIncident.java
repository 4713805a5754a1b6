package io.aftercare.incidents.internal;

import static io.aftercare.incidents.internal.IncidentService.CLOCK_SKEW;
import static io.aftercare.incidents.internal.IncidentService.MANUAL;
import static io.aftercare.incidents.internal.IncidentInputs.latest;
import static io.aftercare.incidents.internal.IncidentInputs.micros;
import static io.aftercare.incidents.internal.IncidentInputs.roleOrDefault;
import static io.aftercare.incidents.internal.IncidentInputs.trimToNull;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.aftercare.directory.Directory;
import io.aftercare.incidents.IncidentOpened;
import io.aftercare.incidents.IncidentStatus;
import io.aftercare.incidents.NewIncident;
import io.aftercare.incidents.NewResponder;
import io.aftercare.incidents.Severity;
import io.aftercare.incidents.SourceName;
import io.aftercare.incidents.SourceUpdate;
import io.aftercare.incidents.WebLink;
import io.aftercare.incidents.internal.IncidentRepository.Row;
import io.aftercare.shared.DomainException;
import io.aftercare.shared.Problems.FieldError;
import io.aftercare.shared.TimeOrderedIds;

/**
 * Recording an incident, by a person or an integration, all or nothing: every input is checked before anything is
 * written, and {@code IncidentOpened} is published in the same transaction (the Modulith registry delivers it after
 * commit). An incident with a source and external id already known is updated instead.
 */
@Component
class RecordIncident {

    private final IncidentRepository incidents;
    private final Directory directory;
    private final AddResponder responders;
    private final MoveIncident moves;
    private final IncidentViews views;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate tx;

    RecordIncident(IncidentRepository incidents, Directory directory, AddResponder responders, MoveIncident moves,
                   IncidentViews views, ApplicationEventPublisher events, Clock clock,
                   PlatformTransactionManager transactions) {
        this.incidents = incidents;
        this.directory = directory;
        this.responders = responders;
        this.moves = moves;
        this.views = views;
        this.events = events;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /**
     * Records a new incident, or updates the one with the same source and external id, telling which.
     *
     * @param inputErrors what the caller already found wrong while reading its input (a severity it could not
     *                    read, say): reported together with any other invalid field, and nothing is written
     */
    IncidentService.Recorded record(NewIncident incident, UUID actorId, List<FieldError> inputErrors) {
        Objects.requireNonNull(incident, "incident");
        try {
            return tx.execute(status -> viewed(doRecord(incident, actorId, inputErrors, null, null)));
        } catch (DuplicateKeyException e) {
            // Two deliveries of one new incident raced; the other one inserted it, so this one now updates it.
            return tx.execute(status -> viewed(doRecord(incident, actorId, inputErrors, null, null)));
        }
    }

    /** What {@link #doRecord} wrote: the incident's row as it now stands (locked), and whether it was new. */
    private record RecordedRow(Row row, boolean created) {
    }

    private IncidentService.Recorded viewed(RecordedRow recorded) {
        return new IncidentService.Recorded(views.view(recorded.row()), recorded.created());
    }

    /** An integration's news about an incident: recorded, then acknowledged or resolved as the source says. */
    UUID applyFromSource(SourceUpdate update, UUID actorId) {
        Objects.requireNonNull(update, "update");
        Row row = doRecord(update.incident(), actorId, List.of(), update.fallbackTitle(), update.fallbackSeverity())
            .row();
        Instant now = IncidentInputs.now(clock);
        IncidentStatus status = update.status();
        boolean acknowledging = status == IncidentStatus.ACKNOWLEDGED
            || (status == IncidentStatus.RESOLVED && update.acknowledgedAt() != null);
        if (acknowledging && row.status() == IncidentStatus.TRIGGERED) {
            Instant when = update.acknowledgedAt() == null ? latest(now, row.startedAt())
                : within(update.acknowledgedAt(), row.startedAt(), now);
            if (incidents.acknowledge(row.id(), when, now)) {
                incidents.addTimeline(row.id(), when, TimelineKind.ACKNOWLEDGED, null, actorId, null);
                row = row.acknowledged(when);
            }
        }
        if (status == IncidentStatus.RESOLVED && row.status() != IncidentStatus.RESOLVED) {
            Instant earliest = row.acknowledgedAt() == null ? row.startedAt() : row.acknowledgedAt();
            Instant when = update.resolvedAt() == null ? latest(now, earliest)
                : within(update.resolvedAt(), earliest, now);
            moves.resolveLocked(row, when, actorId, now);
        }
        return row.id();
    }

    /** A source's time, no later than now and then no earlier than {@code earliest} (which a clock ahead may pass). */
    private static Instant within(Instant t, Instant earliest, Instant now) {
        Instant x = micros(t).isAfter(now) ? now : micros(t);
        return x.isBefore(earliest) ? earliest : x;
    }

    /**
     * @param fallbackTitle    for a new incident without a title ({@code null}: the title is required)
     * @param fallbackSeverity for a new incident without a severity ({@code null}: the severity is required)
     */
    private RecordedRow doRecord(NewIncident in, UUID actorId, List<FieldError> inputErrors, String fallbackTitle,
                                 Severity fallbackSeverity) {
        List<FieldError> errors = new ArrayList<>(inputErrors);
        Instant now = IncidentInputs.now(clock);
        String source = in.source() == null || in.source().isBlank() ? MANUAL
            : SourceName.normalize(in.source());
        if (!SourceName.isValid(source)) {
            errors.add(new FieldError("source", SourceName.RULE));
        }
        String externalId = trimToNull(in.externalId());
        if (externalId != null && externalId.length() > 200) {
            errors.add(new FieldError("externalId", "must be at most 200 characters"));
        }
        Optional<Row> existing = externalId == null || !errors.isEmpty() ? Optional.empty()
            : incidents.findBySourceForUpdate(source, externalId);

        String title = trimToNull(in.title());
        if (title == null && existing.isEmpty()) {
            title = trimToNull(fallbackTitle);
        }
        if (title == null && existing.isEmpty()) {
            errors.add(new FieldError("title", "is required"));
        } else if (title != null && title.length() > 500) {
            errors.add(new FieldError("title", "must be at most 500 characters"));
        }
        Severity severity = in.severity() == null && existing.isEmpty() ? fallbackSeverity : in.severity();
        if (severity == null && existing.isEmpty()) {
            errors.add(new FieldError("severity", "is required: SEV1 to SEV5"));
        }
        String service = trimToNull(in.service());
        if (service != null && service.length() > 200) {
            errors.add(new FieldError("service", "must be at most 200 characters"));
        }
        if (in.teamId() != null && directory.team(in.teamId()).isEmpty()) {
            errors.add(new FieldError("teamId", "is not a team in the directory"));
        }
        String url = trimToNull(in.url());
        if (url != null && !WebLink.isValid(url)) {
            errors.add(new FieldError("url", "must be an http or https link of at most 2000 characters"));
        }
        Instant startedAt = micros(in.startedAt());
        if (startedAt != null && startedAt.isAfter(now.plus(CLOCK_SKEW))) {
            errors.add(new FieldError("startedAt", "must not be in the future"));
        }
        // people named in the report that opens an incident were there from its start, as far as anyone knows
        Instant unknownJoin = existing.isEmpty() && startedAt != null && !startedAt.isAfter(now) ? startedAt : now;
        Map<UUID, AddResponder.Joining> joining = new LinkedHashMap<>();
        for (int i = 0; i < in.responders().size(); i++) {
            NewResponder r = in.responders().get(i);
            String prefix = "responders[" + i + "].";
            if (r == null) {
                errors.add(new FieldError("responders[" + i + "]", "must name a person"));
                continue;
            }
            Optional<UUID> person = responders.resolvePerson(r, prefix, errors);
            Instant joinedAt = AddResponder.joinedAt(r, unknownJoin, now, prefix, errors);
            // the same person twice in one report: the last mention wins
            person.ifPresent(id -> {
                joining.remove(id);
                joining.put(id, new AddResponder.Joining(id, roleOrDefault(r), joinedAt));
            });
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(onePerField(errors));
        }

        if (existing.isPresent()) {
            Row old = existing.get();
            // deliveries arrive out of order: a later report of an earlier start moves the start back, never on
            Instant start = startedAt != null && startedAt.isBefore(old.startedAt()) ? startedAt : old.startedAt();
            Row updated = new Row(old.id(), title == null ? old.title() : title,
                severity == null ? old.severity() : severity, old.status(),
                service == null ? old.service() : service, in.teamId() == null ? old.teamId() : in.teamId(),
                old.source(), old.externalId(), url == null ? old.url() : url, start,
                old.acknowledgedAt(), old.resolvedAt());
            if (!updated.equals(old)) {
                incidents.updateDetails(updated, now);
                incidents.addTimeline(old.id(), now, TimelineKind.UPDATED, null, actorId, null);
            }
            joining.values().forEach(j -> responders.join(old.id(), j, actorId, now));
            return new RecordedRow(updated, false);
        }

        Instant start = startedAt == null ? now : startedAt;
        Row row = new Row(TimeOrderedIds.next(), title, severity, IncidentStatus.TRIGGERED, service, in.teamId(),
            source, externalId, url, start, null, null);
        incidents.insert(row, now);
        incidents.addTimeline(row.id(), now, TimelineKind.CREATED, null, actorId, null);
        joining.values().forEach(j -> responders.join(row.id(), j, actorId, now));
        events.publishEvent(new IncidentOpened(row.id(), row.title(), row.severity(), row.teamId(), row.source(),
            row.externalId(), row.startedAt()));
        return new RecordedRow(row, true);
    }

    private static List<FieldError> onePerField(List<FieldError> errors) {
        Map<String, FieldError> byField = new LinkedHashMap<>();
        errors.forEach(e -> byField.putIfAbsent(e.field(), e));
        return List.copyOf(byField.values());
    }
}
