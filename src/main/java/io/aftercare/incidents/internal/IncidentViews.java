package io.aftercare.incidents.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.aftercare.directory.Directory;
import io.aftercare.directory.PersonName;
import io.aftercare.incidents.IncidentView;
import io.aftercare.incidents.ResponderRole;
import io.aftercare.incidents.ResponderView;
import io.aftercare.incidents.internal.IncidentRepository.ResponderRow;
import io.aftercare.incidents.internal.IncidentRepository.Row;
import io.aftercare.shared.DomainException;

/** Incidents as people and other modules see them: with their responders' names, and the timeline. */
@Component
class IncidentViews {

    private final IncidentRepository incidents;
    private final Directory directory;

    IncidentViews(IncidentRepository incidents, Directory directory) {
        this.incidents = incidents;
        this.directory = directory;
    }

    Optional<IncidentView> find(UUID id) {
        return incidents.find(id).map(this::view);
    }

    IncidentView view(Row row) {
        return views(List.of(row)).get(0);
    }

    List<IncidentView> views(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<ResponderRow>> responders = incidents.responders(rows.stream().map(Row::id).toList());
        Map<UUID, PersonName> people = peopleById(responders.values().stream().flatMap(List::stream)
            .map(ResponderRow::personId).collect(Collectors.toSet()));
        return rows.stream().map(r -> new IncidentView(r.id(), r.title(), r.severity(), r.status(), r.service(),
            r.teamId(), r.source(), r.externalId(), r.url(), r.startedAt(), r.acknowledgedAt(), r.resolvedAt(),
            responders.getOrDefault(r.id(), List.of()).stream().map(x -> {
                PersonName p = people.get(x.personId());
                return new ResponderView(x.personId(), p == null ? null : p.name(), p == null ? null : p.email(),
                    x.role(), x.joinedAt());
            }).toList())).toList();
    }

    List<TimelineEntry> timeline(UUID incidentId) {
        incidents.find(incidentId).orElseThrow(() -> DomainException.notFound("The incident"));
        List<IncidentRepository.TimelineRow> rows = incidents.timeline(incidentId);
        Set<UUID> ids = new HashSet<>();
        rows.forEach(r -> {
            ids.add(r.actorId());
            ids.add(r.personId());
        });
        ids.remove(null);
        Map<UUID, PersonName> people = peopleById(ids);
        return rows.stream().map(r -> new TimelineEntry(r.at(), r.kind(), r.actorId(), nameOf(people, r.actorId()),
            r.personId(), nameOf(people, r.personId()),
            r.detail() == null ? null : ResponderRole.parse(r.detail()).orElse(null))).toList();
    }

    private static String nameOf(Map<UUID, PersonName> people, UUID id) {
        PersonName p = id == null ? null : people.get(id);
        return p == null ? null : p.name();
    }

    private Map<UUID, PersonName> peopleById(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return directory.names(ids).stream().collect(Collectors.toMap(PersonName::id, Function.identity()));
    }
}
