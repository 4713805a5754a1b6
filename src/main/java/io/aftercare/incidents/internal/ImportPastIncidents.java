package io.aftercare.incidents.internal;

import static io.aftercare.incidents.internal.IncidentService.CLOCK_SKEW;
import static io.aftercare.incidents.internal.IncidentInputs.micros;
import static io.aftercare.incidents.internal.IncidentInputs.roleOrDefault;
import static io.aftercare.incidents.internal.IncidentInputs.trimToNull;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.aftercare.incidents.IncidentStatus;
import io.aftercare.incidents.NewResponder;
import io.aftercare.incidents.PastIncident;
import io.aftercare.incidents.ResponderRole;
import io.aftercare.incidents.SourceName;
import io.aftercare.incidents.WebLink;
import io.aftercare.incidents.internal.IncidentRepository.NewResponderRow;
import io.aftercare.incidents.internal.IncidentRepository.NewTimelineRow;
import io.aftercare.incidents.internal.IncidentRepository.Row;
import io.aftercare.shared.DomainException;
import io.aftercare.shared.Problems.FieldError;
import io.aftercare.shared.TimeOrderedIds;

/**
 * Past incidents from the history import, written in batches, already resolved, announcing nothing: no care is
 * opened for them. Ones already known (same source and external id) are skipped.
 */
@Component
class ImportPastIncidents {

    private final IncidentRepository incidents;
    private final Clock clock;

    ImportPastIncidents(IncidentRepository incidents, Clock clock) {
        this.incidents = incidents;
        this.clock = clock;
    }

    List<UUID> importPast(List<PastIncident> past) {
        Instant now = IncidentInputs.now(clock);
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < past.size(); i++) {
            checkPast(past.get(i), "incidents[" + i + "].", now, errors);
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors.subList(0, Math.min(errors.size(), 100)));
        }
        Map<String, List<String>> bySource = new LinkedHashMap<>();
        past.forEach(p -> bySource.computeIfAbsent(SourceName.normalize(p.source()), k -> new ArrayList<>())
            .add(p.externalId().trim()));
        Map<String, Set<String>> known = new LinkedHashMap<>();
        bySource.forEach((source, ids) -> known.put(source, incidents.knownExternalIds(source, ids)));

        List<UUID> ids = new ArrayList<>(past.size());
        List<Row> rows = new ArrayList<>();
        List<NewResponderRow> responders = new ArrayList<>();
        List<NewTimelineRow> timeline = new ArrayList<>();
        for (PastIncident p : past) {
            String source = SourceName.normalize(p.source());
            String externalId = p.externalId().trim();
            if (!known.get(source).add(externalId)) {
                ids.add(null);
                continue;
            }
            Row row = new Row(TimeOrderedIds.next(), p.title().trim(), p.severity(), IncidentStatus.RESOLVED,
                trimToNull(p.service()), p.teamId(), source, externalId, trimToNull(p.url()), micros(p.startedAt()),
                micros(p.acknowledgedAt()), micros(p.resolvedAt()));
            rows.add(row);
            ids.add(row.id());
            timeline.add(new NewTimelineRow(row.id(), row.startedAt(), TimelineKind.IMPORTED, null, null));
            Map<UUID, NewResponder> joining = new LinkedHashMap<>();
            p.responders().forEach(r -> joining.put(r.personId(), r));
            joining.values().forEach(r -> {
                Instant joined = r.joinedAt() == null ? row.startedAt() : micros(r.joinedAt());
                ResponderRole role = roleOrDefault(r);
                responders.add(new NewResponderRow(row.id(), r.personId(), role, joined));
                timeline.add(new NewTimelineRow(row.id(), joined, TimelineKind.RESPONDER_ADDED, role.name(),
                    r.personId()));
            });
            if (row.acknowledgedAt() != null) {
                timeline.add(new NewTimelineRow(row.id(), row.acknowledgedAt(), TimelineKind.ACKNOWLEDGED, null,
                    null));
            }
            timeline.add(new NewTimelineRow(row.id(), row.resolvedAt(), TimelineKind.RESOLVED, null, null));
        }
        incidents.insertAll(rows, now);
        incidents.addRespondersAll(responders);
        incidents.addTimelineAll(timeline);
        return ids;
    }

    /** What the history import hands over is checked again here; the importer reports it per line first. */
    private static void checkPast(PastIncident p, String prefix, Instant now, List<FieldError> errors) {
        if (p == null) {
            errors.add(new FieldError(prefix, "is missing"));
            return;
        }
        if (!SourceName.isValid(p.source())) {
            errors.add(new FieldError(prefix + "source", "must be a short name of lower-case letters and digits"));
        }
        String externalId = trimToNull(p.externalId());
        if (externalId == null || externalId.length() > 200) {
            errors.add(new FieldError(prefix + "externalId", "is required, at most 200 characters"));
        }
        String title = trimToNull(p.title());
        if (title == null || title.length() > 500) {
            errors.add(new FieldError(prefix + "title", "is required, at most 500 characters"));
        }
        if (p.severity() == null) {
            errors.add(new FieldError(prefix + "severity", "is required"));
        }
        if (p.service() != null && p.service().trim().length() > 200) {
            errors.add(new FieldError(prefix + "service", "must be at most 200 characters"));
        }
        if (p.url() != null && !p.url().isBlank() && !WebLink.isValid(p.url().trim())) {
            errors.add(new FieldError(prefix + "url", "must be an http or https link"));
        }
        if (p.startedAt() == null || p.resolvedAt() == null) {
            errors.add(new FieldError(prefix + "resolvedAt", "the start and the resolution are required"));
            return;
        }
        Instant earliest = p.acknowledgedAt() == null ? p.startedAt() : p.acknowledgedAt();
        if ((p.acknowledgedAt() != null && p.acknowledgedAt().isBefore(p.startedAt()))
            || p.resolvedAt().isBefore(earliest)) {
            errors.add(new FieldError(prefix + "resolvedAt", "must not be before the start or the acknowledgement"));
        }
        if (p.resolvedAt().isAfter(now.plus(CLOCK_SKEW))) {
            errors.add(new FieldError(prefix + "resolvedAt", "must not be in the future"));
        }
        for (NewResponder r : p.responders()) {
            if (r == null || r.personId() == null) {
                errors.add(new FieldError(prefix + "responders", "must name people by their directory id"));
                break;
            }
        }
    }
}
