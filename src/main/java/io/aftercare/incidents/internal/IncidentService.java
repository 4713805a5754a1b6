package io.aftercare.incidents.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

import io.aftercare.directory.Directory;
import io.aftercare.directory.PersonName;
import io.aftercare.incidents.IncidentOpened;
import io.aftercare.incidents.IncidentResolved;
import io.aftercare.incidents.IncidentStatus;
import io.aftercare.incidents.IncidentView;
import io.aftercare.incidents.Incidents;
import io.aftercare.incidents.NewIncident;
import io.aftercare.incidents.NewResponder;
import io.aftercare.incidents.PastIncident;
import io.aftercare.incidents.ResponderRole;
import io.aftercare.incidents.ResponderView;
import io.aftercare.incidents.Severity;
import io.aftercare.incidents.SourceUpdate;
import io.aftercare.incidents.internal.IncidentRepository.NewResponderRow;
import io.aftercare.incidents.internal.IncidentRepository.NewTimelineRow;
import io.aftercare.incidents.internal.IncidentRepository.ResponderRow;
import io.aftercare.incidents.internal.IncidentRepository.Row;
import io.aftercare.shared.Page;
import io.aftercare.shared.PageRequest;
import io.aftercare.shared.Problems;
import io.aftercare.shared.Problems.FieldError;
import io.aftercare.shared.TimeOrderedIds;

/**
 * Records incidents and moves them along, all or nothing: every input is checked before anything is written, and
 * the events are published in the same transaction (the Modulith registry delivers them after commit).
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

    /** The day in a neutral incident reference: the day it started, in UTC. */
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH)
        .withZone(ZoneOffset.UTC);

    private final IncidentRepository incidents;
    private final Directory directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final Resolutions resolutions;
    private final MessageSource messages;

    IncidentService(IncidentRepository incidents, Directory directory, ApplicationEventPublisher events, Clock clock,
                    PlatformTransactionManager transactions, Resolutions resolutions, MessageSource messages) {
        this.incidents = incidents;
        this.messages = messages;
        this.directory = directory;
        this.events = events;
        this.resolutions = resolutions;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /** What {@link #recordIncident} did. */
    public record Recorded(IncidentView incident, boolean created) {
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static Instant micros(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<IncidentView> find(UUID id) {
        return incidents.find(id).map(this::view);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<IncidentView> findBySource(String source, String externalId) {
        if (source == null || externalId == null) {
            return Optional.empty();
        }
        return incidents.findBySource(normalizeSource(source), externalId.trim()).map(this::view);
    }

    /** The incident, or a 404 problem. */
    @Transactional(readOnly = true)
    public IncidentView get(UUID id) {
        return find(id).orElseThrow(() -> Problems.notFound("The incident"));
    }

    @Transactional(readOnly = true)
    public Page<IncidentView> list(IncidentQuery query, PageRequest page) {
        long total = incidents.count(query);
        List<Row> rows = total == 0 ? List.of() : incidents.page(query, page.size(), page.offset());
        return new Page<>(views(rows), page.page(), page.size(), total);
    }

    @Transactional(readOnly = true)
    public List<TimelineEntry> timeline(UUID incidentId) {
        incidents.find(incidentId).orElseThrow(() -> Problems.notFound("The incident"));
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

    private Recorded viewed(RecordedRow recorded) {
        return new Recorded(view(recorded.row()), recorded.created());
    }

    @Override
    @Transactional
    public UUID applyFromSource(SourceUpdate update, UUID actorId) {
        Objects.requireNonNull(update, "update");
        Row row = doRecord(update.incident(), actorId, List.of(), update.fallbackTitle(), update.fallbackSeverity())
            .row();
        Instant now = now();
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
            resolveLocked(row, when, actorId, now);
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
        Instant now = now();
        String source = in.source() == null || in.source().isBlank() ? MANUAL : normalizeSource(in.source());
        if (!source.matches("[a-z0-9][a-z0-9._-]{0,39}")) {
            errors.add(new FieldError("source", "must be a short name of lower-case letters, digits, '.', '_' or '-'"));
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
        if (url != null && !isWebLink(url)) {
            errors.add(new FieldError("url", "must be an http or https link of at most 2000 characters"));
        }
        Instant startedAt = micros(in.startedAt());
        if (startedAt != null && startedAt.isAfter(now.plus(CLOCK_SKEW))) {
            errors.add(new FieldError("startedAt", "must not be in the future"));
        }
        Map<UUID, Joining> joining = new LinkedHashMap<>();
        for (int i = 0; i < in.responders().size(); i++) {
            NewResponder r = in.responders().get(i);
            String prefix = "responders[" + i + "].";
            if (r == null) {
                errors.add(new FieldError("responders[" + i + "]", "must name a person"));
                continue;
            }
            Optional<UUID> person = resolvePerson(r, prefix, errors);
            Instant joinedAt = joinedAt(r, now, prefix, errors);
            // the same person twice in one report: the last mention wins
            person.ifPresent(id -> {
                joining.remove(id);
                joining.put(id, new Joining(id, roleOrDefault(r), joinedAt));
            });
        }
        if (!errors.isEmpty()) {
            throw Problems.badRequest(onePerField(errors));
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
            joining.values().forEach(j -> join(old.id(), j, actorId, now));
            return new RecordedRow(updated, false);
        }

        Instant start = startedAt == null ? now : startedAt;
        Row row = new Row(TimeOrderedIds.next(), title, severity, IncidentStatus.TRIGGERED, service, in.teamId(),
            source, externalId, url, start, null, null);
        incidents.insert(row, now);
        incidents.addTimeline(row.id(), now, TimelineKind.CREATED, null, actorId, null);
        joining.values().forEach(j -> join(row.id(), j, actorId, now));
        events.publishEvent(new IncidentOpened(row.id(), row.title(), row.severity(), row.teamId(), row.source(),
            row.externalId(), row.startedAt()));
        return new RecordedRow(row, true);
    }

    private static List<FieldError> onePerField(List<FieldError> errors) {
        Map<String, FieldError> byField = new LinkedHashMap<>();
        errors.forEach(e -> byField.putIfAbsent(e.field(), e));
        return List.copyOf(byField.values());
    }

    private record Joining(UUID personId, ResponderRole role, Instant joinedAt) {
    }

    /** Adds the person, or changes their role if they are already in it. */
    private void join(UUID incidentId, Joining j, UUID actorId, Instant now) {
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

    @Override
    @Transactional
    public IncidentView addResponder(UUID incidentId, NewResponder responder, UUID actorId) {
        Row row = incidents.findForUpdate(incidentId).orElseThrow(() -> Problems.notFound("The incident"));
        List<FieldError> errors = new ArrayList<>();
        Instant now = now();
        if (responder == null) {
            throw Problems.badRequest("personId", "give a personId or an email");
        }
        Optional<UUID> person = resolvePerson(responder, "", errors);
        Instant joinedAt = joinedAt(responder, now, "", errors);
        if (!errors.isEmpty()) {
            throw Problems.badRequest(errors);
        }
        join(row.id(), new Joining(person.orElseThrow(), roleOrDefault(responder), joinedAt), actorId, now);
        return view(row);
    }

    @Override
    @Transactional
    public IncidentView acknowledge(UUID incidentId, Instant at, UUID actorId) {
        Row row = incidents.findForUpdate(incidentId).orElseThrow(() -> Problems.notFound("The incident"));
        if (row.status() != IncidentStatus.TRIGGERED) {
            return view(row);
        }
        Instant now = now();
        Instant when = at == null ? latest(now, row.startedAt()) : micros(at);
        checkTime("acknowledgedAt", when, row.startedAt(), now);
        if (incidents.acknowledge(row.id(), when, now)) {
            incidents.addTimeline(row.id(), when, TimelineKind.ACKNOWLEDGED, null, actorId, null);
        }
        return view(incidents.find(row.id()).orElseThrow());
    }

    @Override
    @Transactional
    public IncidentView resolve(UUID incidentId, Instant at, UUID actorId) {
        Row row = incidents.findForUpdate(incidentId).orElseThrow(() -> Problems.notFound("The incident"));
        if (row.status() == IncidentStatus.RESOLVED) {
            return view(row);
        }
        Instant now = now();
        Instant earliest = row.acknowledgedAt() == null ? row.startedAt() : row.acknowledgedAt();
        Instant when = at == null ? latest(now, earliest) : micros(at);
        checkTime("resolvedAt", when, earliest, now);
        resolveLocked(row, when, actorId, now);
        return view(incidents.find(row.id()).orElseThrow());
    }

    /** Resolves the locked, unresolved incident at {@code when} and gathers it for the transaction's announcement. */
    private void resolveLocked(Row row, Instant when, UUID actorId, Instant now) {
        if (!incidents.resolve(row.id(), when, now)) {
            return;
        }
        incidents.addTimeline(row.id(), when, TimelineKind.RESOLVED, null, actorId, null);
        List<ResponderRow> responders = incidents.responders(List.of(row.id())).getOrDefault(row.id(), List.of());
        resolutions.resolved(new IncidentResolved(row.id(), announcedTitle(row), row.severity(), row.teamId(),
            row.startedAt(), row.acknowledgedAt(), when, responders.stream()
            .map(r -> new IncidentResolved.Responder(r.personId(), r.role(), r.joinedAt())).toList()));
    }

    // ---------------------------------------------------------------- people's API and pages (decision 0018)

    /** Someone recording or changing incidents through the API or the pages, as opposed to an integration. */
    public record Actor(UUID personId, boolean admin) {
    }

    /**
     * {@link #recordIncident} for a person: the incident is always {@code manual} and has no external id (another
     * {@code source} or any {@code externalId} is a 400: integrations send theirs through intake); it started at most
     * {@link #PEOPLE_BACKDATING} ago unless an admin records it; and other people may be named only by its commander
     * (the person recording it, naming themself COMMANDER), a lead of its team or of the person's team, or an admin
     * (403).
     */
    public Recorded recordByPerson(NewIncident in, Actor actor, List<FieldError> inputErrors) {
        Objects.requireNonNull(in, "incident");
        List<FieldError> errors = new ArrayList<>(inputErrors);
        String source = trimToNull(in.source());
        if (source != null && !MANUAL.equals(normalizeSource(source))) {
            errors.add(new FieldError("source", "must be manual: incidents from alerting tools come in through their "
                + "integration"));
        }
        if (trimToNull(in.externalId()) != null) {
            errors.add(new FieldError("externalId", "is set only by integrations"));
        }
        if (!actor.admin() && in.startedAt() != null && in.startedAt().isBefore(now().minus(PEOPLE_BACKDATING))) {
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
        return recordIncident(new NewIncident(MANUAL, null, in.title(), in.severity(), in.service(), in.teamId(),
            in.url(), in.startedAt(), in.responders()), actor.personId(), errors);
    }

    /**
     * {@link #addResponder} for a person. Anyone may add themself as a responder or observer; naming a commander or
     * adding someone else is for the incident's commander, a lead of a team involved (the incident's, a responder's
     * or the added person's) and admins; and an incident from an integration is changed here by admins only (403).
     */
    @Transactional
    public IncidentView addResponderByPerson(UUID incidentId, NewResponder responder, Actor actor) {
        IncidentView incident = get(incidentId);
        if (responder == null) {
            throw Problems.badRequest("personId", "give a personId or an email");
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
        return addResponder(incidentId, responder, actor.personId());
    }

    /** {@link #acknowledge} for a person: an incident from an integration is moved along by it, or by an admin. */
    @Transactional
    public IncidentView acknowledgeByPerson(UUID incidentId, Actor actor) {
        checkManualOrAdmin(get(incidentId), actor);
        return acknowledge(incidentId, null, actor.personId());
    }

    /**
     * {@link #resolve} for a person: an incident from an integration is resolved by it, or by an admin; and a time
     * given is at most {@link #PEOPLE_BACKDATING} ago unless an admin gives it.
     */
    @Transactional
    public IncidentView resolveByPerson(UUID incidentId, Instant at, Actor actor) {
        checkManualOrAdmin(get(incidentId), actor);
        if (!actor.admin() && at != null && at.isBefore(now().minus(PEOPLE_BACKDATING))) {
            throw Problems.badRequest("resolvedAt", "must be within the last " + PEOPLE_BACKDATING.toDays() + " days");
        }
        return resolve(incidentId, at, actor.personId());
    }

    private static void checkManualOrAdmin(IncidentView incident, Actor actor) {
        if (!actor.admin() && !MANUAL.equals(incident.source())) {
            throw fromIntegration();
        }
    }

    /** The {@code reason} of a 403 problem when the incident is an integration's. */
    public static final String FROM_INTEGRATION = "fromIntegration";

    /** The {@code reason} of a 403 problem when someone else may not be added by this person. */
    public static final String NOT_ALLOWED = "notAllowed";

    private static ErrorResponseException fromIntegration() {
        ErrorResponseException e = Problems.forbidden("This incident comes from an integration, which keeps it up "
            + "to date; only an admin can change it here. You can add yourself to it.");
        e.getBody().setProperty("reason", FROM_INTEGRATION);
        return e;
    }

    private static ErrorResponseException mayNotAddOthers() {
        ErrorResponseException e = Problems.forbidden("Adding other people to an incident is for its commander, a "
            + "lead of a team in it, or an admin. You can add yourself.");
        e.getBody().setProperty("reason", NOT_ALLOWED);
        return e;
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

    @Override
    @Transactional
    public List<UUID> importPast(List<PastIncident> past) {
        Instant now = now();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < past.size(); i++) {
            checkPast(past.get(i), "incidents[" + i + "].", now, errors);
        }
        if (!errors.isEmpty()) {
            throw Problems.badRequest(errors.subList(0, Math.min(errors.size(), 100)));
        }
        Map<String, List<String>> bySource = new LinkedHashMap<>();
        past.forEach(p -> bySource.computeIfAbsent(normalizeSource(p.source()), k -> new ArrayList<>())
            .add(p.externalId().trim()));
        Map<String, Set<String>> known = new LinkedHashMap<>();
        bySource.forEach((source, ids) -> known.put(source, incidents.knownExternalIds(source, ids)));

        List<UUID> ids = new ArrayList<>(past.size());
        List<Row> rows = new ArrayList<>();
        List<NewResponderRow> responders = new ArrayList<>();
        List<NewTimelineRow> timeline = new ArrayList<>();
        for (PastIncident p : past) {
            String source = normalizeSource(p.source());
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
        if (p.source() == null || !normalizeSource(p.source()).matches("[a-z0-9][a-z0-9._-]{0,39}")) {
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
        if (p.url() != null && !p.url().isBlank() && !isWebLink(p.url().trim())) {
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

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static void checkTime(String field, Instant when, Instant earliest, Instant now) {
        if (when.isBefore(earliest)) {
            throw Problems.badRequest(field, "must not be before the incident started or was acknowledged");
        }
        if (when.isAfter(now.plus(CLOCK_SKEW))) {
            throw Problems.badRequest(field, "must not be in the future");
        }
    }

    private Optional<UUID> resolvePerson(NewResponder r, String prefix, List<FieldError> errors) {
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

    private static Instant joinedAt(NewResponder r, Instant now, String prefix, List<FieldError> errors) {
        Instant joinedAt = micros(r.joinedAt());
        if (joinedAt == null) {
            return now;
        }
        if (joinedAt.isAfter(now.plus(CLOCK_SKEW))) {
            errors.add(new FieldError(prefix + "joinedAt", "must not be in the future"));
        }
        return joinedAt;
    }

    private static ResponderRole roleOrDefault(NewResponder r) {
        return r.role() == null ? ResponderRole.RESPONDER : r.role();
    }

    static String normalizeSource(String source) {
        return source.trim().toLowerCase(Locale.ROOT);
    }

    private static String trimToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim();
        return t.isEmpty() ? null : t;
    }

    static boolean isWebLink(String url) {
        if (url.length() > 2000) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private IncidentView view(Row row) {
        return views(List.of(row)).get(0);
    }

    private List<IncidentView> views(List<Row> rows) {
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

    private Map<UUID, PersonName> peopleById(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return directory.names(ids).stream().collect(Collectors.toMap(PersonName::id, Function.identity()));
    }
}
