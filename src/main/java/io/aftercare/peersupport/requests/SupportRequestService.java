package io.aftercare.peersupport.requests;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.github.kagkarlsson.scheduler.SchedulerClient;

import io.aftercare.care.SupportOfferHook;
import io.aftercare.crypto.KeyDestroyedException;
import io.aftercare.crypto.PersonalEncryption;
import io.aftercare.directory.Directory;
import io.aftercare.directory.PersonRef;
import io.aftercare.directory.TeamRef;
import io.aftercare.identity.Accounts;
import io.aftercare.identity.AuditLog;
import io.aftercare.identity.Role;
import io.aftercare.peersupport.PersonContact;
import io.aftercare.peersupport.SupportAcknowledged;
import io.aftercare.peersupport.SupportContactOverdue;
import io.aftercare.peersupport.SupportFound;
import io.aftercare.peersupport.SupportReassigned;
import io.aftercare.peersupport.SupportRequested;
import io.aftercare.peersupport.SupportWaiting;
import io.aftercare.peersupport.SupportWaitingNotice;
import io.aftercare.peersupport.cases.IncidentTitles;
import io.aftercare.peersupport.cases.SupportCases;
import io.aftercare.shared.DbTime;
import io.aftercare.shared.Problems;

/**
 * Tier 2: a person asks for a peer supporter (in a check-in, at any time, or by saying yes to an offer) and the
 * eligible supporter with the lowest load gets the request. They acknowledge within a working-hour deadline or it
 * moves on; when nobody eligible is left, coordinators are told. A supporter sees only the requests assigned to
 * them, and of each only the person's name, the incident (when shared) and what the person chose to tell them.
 */
@Service
class SupportRequestService implements SupportOfferHook {

    static final String ASSIGNED = "ASSIGNED";
    static final String ACKNOWLEDGED = "ACKNOWLEDGED";
    static final String CONTACT_MADE = "CONTACT_MADE";
    static final String UNASSIGNED = "UNASSIGNED";
    static final String CLOSED = "CLOSED";
    static final List<String> ACTIVE = List.of(ASSIGNED, ACKNOWLEDGED, CONTACT_MADE);
    static final int NOTE_MAX = 1000;
    static final String NOBODY_ELIGIBLE = "NOBODY_ELIGIBLE";
    static final String CONTACT_OVERDUE = "CONTACT_OVERDUE";

    /** What a supporter sees of a request assigned to them. */
    public record AssignedView(UUID id, String personName, String incidentTitle, String note, String status,
                        Instant assignedAt, Instant acknowledgeBy, Instant acknowledgedAt, Instant contactBy,
                        Instant contactMadeAt, Instant closedAt, boolean contactOverdue,
                        PersonContact.Contact contact) {
    }

    /** What the person sees of their own request. */
    public record OwnView(UUID id, String status, String origin, Instant requestedAt, String supporterName,
                   Instant acknowledgedAt, Instant contactMadeAt, Instant closedAt, boolean nobodyFree) {
        public boolean open() {
            return !CLOSED.equals(status);
        }
    }

    /**
     * For coordinators: a request that no eligible supporter is left for. Never whose it is, where it came from or
     * when to the minute: an opaque reference (the coordinator's "Try again" works on it), its age in three bands,
     * and how many supporters it was offered to. Not their names: the available supporters it was never offered to
     * would tell which team or reporting line the person is in (decision record 0019).
     */
    public record Waiting(UUID requestId, CoarseAge age, int supportersTried) {
        /** A short label to talk about the request by; it carries nothing but the request's random id. */
        public String reference() {
            return requestId.toString().substring(0, 8).toUpperCase(Locale.ROOT);
        }
    }

    /**
     * For coordinators: a supporter acknowledged a request and has not marked contact made in time. Only who the
     * supporter is and, in three bands, how long ago they said they would be in touch: the coordinator follows up
     * with them, not with the person.
     */
    public record Overdue(UUID requestId, String supporterName, CoarseAge since) {
    }

    private record Row(UUID id, UUID personId, UUID caseId, String origin, String status, UUID supporterId,
                       UUID assignmentId, byte[] note, boolean shareIncident, Instant requestedAt,
                       Instant acknowledgedAt, Instant contactMadeAt, Instant closedAt) {
    }

    private final JdbcClient jdbc;
    private final Directory directory;
    private final Roster roster;
    private final SupportCases cases;
    private final IncidentTitles titles;
    private final PersonalEncryption encryption;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final RequestProperties properties;
    private final Clock clock;
    private final AuditLog audit;
    private final Accounts accounts;
    private final ObjectProvider<PersonContact> contacts;

    SupportRequestService(JdbcClient jdbc, Directory directory, Roster roster, SupportCases cases,
                          IncidentTitles titles, PersonalEncryption encryption, ApplicationEventPublisher events,
                          ObjectProvider<SchedulerClient> scheduler, RequestProperties properties, Clock clock,
                          AuditLog audit, Accounts accounts, ObjectProvider<PersonContact> contacts) {
        this.accounts = accounts;
        this.contacts = contacts;
        this.jdbc = jdbc;
        this.directory = directory;
        this.roster = roster;
        this.cases = cases;
        this.titles = titles;
        this.encryption = encryption;
        this.events = events;
        this.scheduler = scheduler;
        this.properties = properties;
        this.clock = clock;
        this.audit = audit;
    }

    // ---------------------------------------------------------------- offers (for care to call)

    /**
     * The coordinator's threshold, and no request open already (asking twice would only return the same one).
     * Reads the answers, stores nothing.
     */
    @Override
    public boolean shouldOffer(UUID personId, OwnAnswers answers) {
        return crossesThreshold(answers) && jdbc.sql(
                "SELECT COUNT(*) FROM support_request WHERE person_id = ? AND status <> 'CLOSED'")
            .param(personId).query(Long.class).single() == 0;
    }

    boolean crossesThreshold(OwnAnswers answers) {
        Roster.Settings s = roster.settings();
        boolean stressed = answers.stress() != null && answers.stress() >= s.offerMinStress()
            && (!s.offerNeedsSleep() || answers.effects().contains("SLEEPING_DIFFICULTIES"));
        boolean ruminating = answers.day1RuminationMean() != null
            && answers.day1RuminationMean() >= s.offerMinRumination();
        return stressed || ruminating;
    }

    @Override
    @Transactional
    public UUID accept(UUID personId, UUID caseId) {
        return request(personId, caseId, "OFFER", null, true);
    }

    // ---------------------------------------------------------------- asking

    /**
     * The person asks for a supporter. While they have a request open, asking again returns that one.
     *
     * @param note          what they would like their supporter to know (optional; encrypted with their key)
     * @param shareIncident whether the supporter may see which incident it is about
     */
    @Transactional
    UUID request(UUID personId, UUID caseId, String origin, String note, boolean shareIncident) {
        if (note != null && note.length() > NOTE_MAX) {
            throw Problems.badRequest("note", "must be at most " + NOTE_MAX + " characters");
        }
        directory.person(personId).orElseThrow(() -> Problems.notFound("Person"));
        // one request at a time: the person's row serialises concurrent asks
        Optional<UUID> open = jdbc.sql("SELECT id FROM support_request WHERE person_id = ? AND status <> 'CLOSED'")
            .param(personId).query(UUID.class).stream().findFirst();
        if (open.isPresent()) {
            return open.get();
        }
        UUID id = UUID.randomUUID();
        Instant now = now();
        byte[] cipher = note == null || note.isBlank() ? null
            : encryption.encryptText(personId, note.strip(), "support.note:" + id);
        jdbc.sql("""
                INSERT INTO support_request (id, person_id, case_id, origin, status, note_ciphertext, share_incident,
                                             requested_at) VALUES (?, ?, ?, ?, 'UNASSIGNED', ?, ?, ?)""")
            .params(id, personId, caseId, origin, cipher, shareIncident, DbTime.toDb(now)).update();
        Optional<Assigned> assigned = assign(id, personId, Set.of());
        events.publishEvent(new SupportRequested(id, personId, origin,
            assigned.map(Assigned::supporterId).orElse(null), assigned.map(Assigned::acknowledgeBy).orElse(null),
            now));
        if (assigned.isEmpty()) {
            events.publishEvent(new SupportWaiting(id, personId, now));
        }
        return id;
    }

    private record Assigned(UUID supporterId, Instant acknowledgeBy) {
    }

    /** Picks and records the next supporter, or marks the request as waiting and tells the coordinators. */
    private Optional<Assigned> assign(UUID requestId, UUID personId, Set<UUID> tried) {
        Instant now = now();
        PersonRef person = directory.person(personId).orElseThrow();
        Assignment.Seeker seeker = new Assignment.Seeker(personId, teamIds(personId), line(person), tried);
        Roster.Settings settings = roster.settings();
        List<Roster.Supporter> supporters = roster.supporters();
        Map<UUID, PersonRef> people = directory.people(supporters.stream().map(Roster.Supporter::personId).toList())
            .stream().collect(Collectors.toMap(PersonRef::id, Function.identity(), (a, b) -> a));
        List<Assignment.Candidate> candidates = new ArrayList<>();
        for (Roster.Supporter s : supporters) {
            PersonRef p = people.get(s.personId());
            if (p == null) {
                continue;
            }
            // can be told and answer now: within their working hours and outside their own quiet hours (a message
            // to them is held until their quiet hours end while the acknowledgement deadline runs); the person's
            // quiet hours are the same for every supporter and could not tell one from another
            boolean overlaps = WorkingHours.within(now, p.timeZone(), s.workStart(), s.workEnd(), p.weekendDays())
                && !p.quietHours().blocked(now);
            candidates.add(new Assignment.Candidate(s.personId(), teamIds(s.personId()), line(p), s.onBreak(),
                load(s.personId()), weekAssigned(s.personId(), now), s.weeklyCapacity(), overlaps));
        }
        Optional<Assignment.Candidate> pick = Assignment.pick(candidates,
            seeker, new Assignment.Exclusions(settings.excludeSameTeam(), settings.excludeSameLine()));
        if (pick.isEmpty()) {
            jdbc.sql("UPDATE support_request SET status = 'UNASSIGNED', supporter_id = NULL, assignment_id = NULL "
                + "WHERE id = ?").param(requestId).update();
            jdbc.sql("INSERT INTO support_notice (id, request_id, kind, created_at) VALUES (?, ?, 'NOBODY_ELIGIBLE', ?)")
                .params(UUID.randomUUID(), requestId, DbTime.toDb(now)).update();
            return Optional.empty();
        }
        PersonRef supporter = people.get(pick.get().id());
        Roster.Supporter settingsOf = supporters.stream().filter(s -> s.personId().equals(supporter.id()))
            .findFirst().orElseThrow();
        Instant due = WorkingHours.after(now, properties.acknowledgeWithin(), supporter.timeZone(),
            settingsOf.workStart(), settingsOf.workEnd(), supporter.weekendDays());
        UUID assignment = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO support_assignment (id, request_id, supporter_id, assigned_at, ack_due_at, outcome)
                VALUES (?, ?, ?, ?, ?, 'PENDING')""")
            .params(assignment, requestId, supporter.id(), DbTime.toDb(now), DbTime.toDb(due)).update();
        jdbc.sql("UPDATE support_request SET status = 'ASSIGNED', supporter_id = ?, assignment_id = ? WHERE id = ?")
            .params(supporter.id(), assignment, requestId).update();
        jdbc.sql("UPDATE support_notice SET resolved_at = ? WHERE request_id = ? AND resolved_at IS NULL")
            .params(DbTime.toDb(now), requestId).update();
        // joins this transaction (the scheduler's data source is transaction-aware)
        scheduler.getObject().scheduleIfNotExists(RequestScheduling.ACK_DUE.instance(assignment.toString())
            .scheduledTo(due));
        return Optional.of(new Assigned(supporter.id(), due));
    }

    private Set<UUID> teamIds(UUID personId) {
        return directory.teamsOf(personId).stream().map(TeamRef::id).collect(Collectors.toSet());
    }

    /** The person's managers upwards, nearest first (at most eight levels, cycles cut). */
    private List<UUID> line(PersonRef person) {
        List<UUID> line = new ArrayList<>();
        UUID next = person.managerId();
        while (next != null && line.size() < 8 && !line.contains(next) && !next.equals(person.id())) {
            line.add(next);
            next = directory.person(next).map(PersonRef::managerId).orElse(null);
        }
        return line;
    }

    private int load(UUID supporterId) {
        return jdbc.sql("SELECT COUNT(*) FROM support_request WHERE supporter_id = :s AND status IN (:active)")
            .param("s", supporterId).param("active", ACTIVE).query(Long.class).single().intValue();
    }

    private int weekAssigned(UUID supporterId, Instant now) {
        return jdbc.sql("SELECT COUNT(*) FROM support_assignment WHERE supporter_id = ? AND assigned_at >= ?")
            .params(supporterId, DbTime.toDb(now.minus(Duration.ofDays(7)))).query(Long.class).single().intValue();
    }

    // ---------------------------------------------------------------- the deadline

    /** The acknowledgement deadline of one assignment passed: if it is still waiting, the request moves on. */
    @Transactional
    void deadlinePassed(UUID assignmentId) {
        Optional<Row> row = jdbc.sql("SELECT * FROM support_request WHERE assignment_id = ? FOR UPDATE")
            .param(assignmentId).query((rs, n) -> row(rs)).optional();
        if (row.isEmpty() || !ASSIGNED.equals(row.get().status())) {
            return;
        }
        Instant now = now();
        jdbc.sql("UPDATE support_assignment SET outcome = 'TIMED_OUT', ended_at = ? WHERE id = ?")
            .params(DbTime.toDb(now), assignmentId).update();
        Set<UUID> tried = new HashSet<>(jdbc.sql("SELECT supporter_id FROM support_assignment WHERE request_id = ?")
            .param(row.get().id()).query(UUID.class).list());
        Optional<Assigned> next = assign(row.get().id(), row.get().personId(), tried);
        events.publishEvent(new SupportReassigned(row.get().id(), row.get().supporterId(),
            next.map(Assigned::supporterId).orElse(null), next.map(Assigned::acknowledgeBy).orElse(null), now));
        if (next.isEmpty()) {
            events.publishEvent(new SupportWaiting(row.get().id(), row.get().personId(), now));
        }
    }

    /** A coordinator tries a waiting request again (a supporter came back from a break, or joined). */
    @Transactional
    boolean retry(UUID requestId) {
        Row row = jdbc.sql("SELECT * FROM support_request WHERE id = ? FOR UPDATE").param(requestId)
            .query((rs, n) -> row(rs)).optional().orElseThrow(() -> Problems.notFound("Request"));
        if (!UNASSIGNED.equals(row.status())) {
            return true;
        }
        // coordinators who were told of it once are not told again when it still waits after this try
        boolean told = jdbc.sql("SELECT COUNT(*) FROM support_notice WHERE request_id = ? AND kind = ? "
                + "AND resolved_at IS NULL AND told_at IS NOT NULL")
            .params(requestId, NOBODY_ELIGIBLE).query(Long.class).single() > 0;
        jdbc.sql("DELETE FROM support_notice WHERE request_id = ? AND resolved_at IS NULL").param(requestId).update();
        Set<UUID> tried = new HashSet<>(jdbc.sql(
                "SELECT supporter_id FROM support_assignment WHERE request_id = ? AND outcome <> 'TIMED_OUT'")
            .param(requestId).query(UUID.class).list());
        Optional<Assigned> assigned = assign(requestId, row.personId(), tried);
        if (assigned.isEmpty()) {
            if (told) {
                jdbc.sql("UPDATE support_notice SET told_at = ? WHERE request_id = ? AND resolved_at IS NULL")
                    .params(DbTime.toDb(now()), requestId).update();
            }
            return false;
        }
        // the supporter is told as for a first assignment, and the person, who was told nobody was free, that
        // someone is now
        Instant now = now();
        events.publishEvent(new SupportReassigned(requestId, null, assigned.get().supporterId(),
            assigned.get().acknowledgeBy(), now));
        events.publishEvent(new SupportFound(requestId, row.personId(), now));
        return true;
    }

    /**
     * The daily notice to coordinators (at {@code aftercare.support.waiting-notice-at}, UTC): when a request started
     * waiting with nobody eligible since the last notice, every coordinator is told that requests wait, and nothing
     * else (not which, how many or since when). Nothing when none did.
     *
     * @return whether coordinators were told
     */
    @Transactional
    boolean tellCoordinatorsOfWaiting() {
        Instant now = now();
        int fresh = jdbc.sql("""
                UPDATE support_notice SET told_at = ? WHERE kind = ? AND resolved_at IS NULL AND told_at IS NULL
                  AND request_id IN (SELECT id FROM support_request WHERE status = 'UNASSIGNED')""")
            .params(DbTime.toDb(now), NOBODY_ELIGIBLE).update();
        List<UUID> coordinators = accounts.peopleWith(Role.COORDINATOR);
        if (fresh == 0 || coordinators.isEmpty()) {
            return false;
        }
        events.publishEvent(new SupportWaitingNotice(UUID.randomUUID(), coordinators, now));
        return true;
    }

    /**
     * The contact deadline of an acknowledged request passed: if contact is still not made (and the request is
     * open), coordinators are told on their support page and the supporter's page reminds them. Once per request.
     */
    @Transactional
    void contactDeadlinePassed(UUID requestId) {
        Optional<Row> row = jdbc.sql("SELECT * FROM support_request WHERE id = ? FOR UPDATE").param(requestId)
            .query((rs, n) -> row(rs)).optional();
        if (row.isEmpty() || !ACKNOWLEDGED.equals(row.get().status())) {
            return;
        }
        boolean told = jdbc.sql("SELECT COUNT(*) FROM support_notice WHERE request_id = ? AND kind = ?")
            .params(requestId, CONTACT_OVERDUE).query(Long.class).single() > 0;
        if (told) {
            return;
        }
        Instant now = now();
        jdbc.sql("INSERT INTO support_notice (id, request_id, kind, created_at) VALUES (?, ?, ?, ?)")
            .params(UUID.randomUUID(), requestId, CONTACT_OVERDUE, DbTime.toDb(now)).update();
        events.publishEvent(new SupportContactOverdue(requestId, row.get().supporterId(),
            row.get().acknowledgedAt(), now));
    }

    private void resolveOverdue(UUID requestId, Instant now) {
        jdbc.sql("UPDATE support_notice SET resolved_at = ? WHERE request_id = ? AND kind = ? AND resolved_at IS NULL")
            .params(DbTime.toDb(now), requestId, CONTACT_OVERDUE).update();
    }

    // ---------------------------------------------------------------- the supporter's part

    @Transactional
    AssignedView acknowledge(UUID me, UUID requestId) {
        Row row = assignedTo(me, requestId);
        if (ASSIGNED.equals(row.status())) {
            Instant now = now();
            jdbc.sql("UPDATE support_request SET status = 'ACKNOWLEDGED', acknowledged_at = ? WHERE id = ?")
                .params(DbTime.toDb(now), requestId).update();
            jdbc.sql("UPDATE support_assignment SET outcome = 'ACKNOWLEDGED', ended_at = ? WHERE id = ?")
                .params(DbTime.toDb(now), row.assignmentId()).update();
            scheduler.getObject().scheduleIfNotExists(RequestScheduling.CONTACT_DUE.instance(requestId.toString())
                .scheduledTo(now.plus(properties.contactWithin())));
            events.publishEvent(new SupportAcknowledged(requestId, me, now));
        }
        return view(me, requestId);
    }

    @Transactional
    AssignedView contactMade(UUID me, UUID requestId) {
        Row row = assignedTo(me, requestId);
        if (ASSIGNED.equals(row.status())) {
            acknowledge(me, requestId);
        }
        if (ASSIGNED.equals(row.status()) || ACKNOWLEDGED.equals(row.status())) {
            Instant now = now();
            jdbc.sql("UPDATE support_request SET status = 'CONTACT_MADE', contact_made_at = ? WHERE id = ?")
                .params(DbTime.toDb(now), requestId).update();
            if (row.caseId() != null) {
                cases.reachedOut(row.caseId(), me, now);
            }
            resolveOverdue(requestId, now);
        } else if (CLOSED.equals(row.status())) {
            throw Problems.conflict("This request is closed.");
        }
        return view(me, requestId);
    }

    @Transactional
    AssignedView closeAsSupporter(UUID me, UUID requestId) {
        Row row = assignedTo(me, requestId);
        if (ASSIGNED.equals(row.status())) {
            throw Problems.conflict("Acknowledge the request first, or let it move to another supporter.");
        }
        close(requestId, "SUPPORTER");
        resolveOverdue(requestId, now());
        return view(me, requestId);
    }

    @Transactional
    OwnView closeAsPerson(UUID me, UUID requestId) {
        Row row = own(me, requestId);
        if (!CLOSED.equals(row.status())) {
            close(requestId, "PERSON");
            if (row.assignmentId() != null && ASSIGNED.equals(row.status())) {
                jdbc.sql("UPDATE support_assignment SET outcome = 'WITHDRAWN', ended_at = ? WHERE id = ?")
                    .params(DbTime.toDb(now()), row.assignmentId()).update();
            }
            jdbc.sql("UPDATE support_notice SET resolved_at = ? WHERE request_id = ? AND resolved_at IS NULL")
                .params(DbTime.toDb(now()), requestId).update();
        }
        return ownView(me, requestId);
    }

    private void close(UUID requestId, String by) {
        jdbc.sql("UPDATE support_request SET status = 'CLOSED', closed_at = ?, closed_by = ? "
                + "WHERE id = ? AND status <> 'CLOSED'")
            .params(DbTime.toDb(now()), by, requestId).update();
    }

    /** A request assigned to this supporter now; anything else (someone else's, moved on) is "not found". */
    private Row assignedTo(UUID me, UUID requestId) {
        return jdbc.sql("SELECT * FROM support_request WHERE id = ? AND supporter_id = ?").params(requestId, me)
            .query((rs, n) -> row(rs)).optional().orElseThrow(() -> Problems.notFound("Support request"));
    }

    private Row own(UUID me, UUID requestId) {
        return jdbc.sql("SELECT * FROM support_request WHERE id = ? AND person_id = ?").params(requestId, me)
            .query((rs, n) -> row(rs)).optional().orElseThrow(() -> Problems.notFound("Support request"));
    }

    List<AssignedView> assignedTo(UUID me) {
        return jdbc.sql("SELECT * FROM support_request WHERE supporter_id = ? ORDER BY requested_at DESC")
            .param(me).query((rs, n) -> row(rs)).list().stream().map(r -> assignedView(r, me)).toList();
    }

    AssignedView view(UUID me, UUID requestId) {
        return assignedView(assignedTo(me, requestId), me);
    }

    private AssignedView assignedView(Row r, UUID me) {
        // the supporter is shown the person's name and what they chose to share: a read of their data by someone
        // else, which the person sees under "Who saw what about me" (and nobody else does)
        audit.record(me, r.personId(), AuditLog.PERSONAL_DATA_READ, "support-request:" + r.id(),
            "the support request assigned to them");
        String name = directory.person(r.personId()).map(PersonRef::name).orElse("");
        String title = null;
        if (r.shareIncident() && r.caseId() != null) {
            title = cases.find(r.caseId()).stream().flatMap(c -> c.incidentIds().stream()).map(titles::title)
                .flatMap(Optional::stream).findFirst().orElse(null);
        }
        String note = null;
        // what the person told their supporter is for the time of the request: once closed, the supporter no
        // longer sees it (the person still has it in their export)
        if (r.note() != null && !CLOSED.equals(r.status())) {
            try {
                note = encryption.decryptText(r.personId(), r.note(), "support.note:" + r.id());
            } catch (KeyDestroyedException e) {
                note = null;
            }
        }
        Instant ackBy = jdbc.sql("SELECT ack_due_at FROM support_assignment WHERE id = ?").param(r.assignmentId())
            .query((rs, n) -> DbTime.instant(rs, "ack_due_at")).optional().orElse(null);
        Instant contactBy = r.acknowledgedAt() == null ? null : r.acknowledgedAt().plus(properties.contactWithin());
        boolean overdue = ACKNOWLEDGED.equals(r.status()) && jdbc.sql(
                "SELECT COUNT(*) FROM support_notice WHERE request_id = ? AND kind = ? AND resolved_at IS NULL")
            .params(r.id(), CONTACT_OVERDUE).query(Long.class).single() > 0;
        // how to reach the person, once the supporter has said they will be in touch, until the request is closed
        PersonContact.Contact contact = ACKNOWLEDGED.equals(r.status()) || CONTACT_MADE.equals(r.status())
            ? contactOf(r.personId()) : null;
        return new AssignedView(r.id(), name, title, note, r.status(), r.requestedAt(), ackBy, r.acknowledgedAt(),
            contactBy, r.contactMadeAt(), r.closedAt(), overdue, contact);
    }

    private PersonContact.Contact contactOf(UUID personId) {
        PersonContact found = contacts.getIfAvailable();
        if (found != null) {
            return found.of(personId).orElse(null);
        }
        return directory.person(personId).map(PersonRef::email).filter(e -> !e.isBlank())
            .map(e -> new PersonContact.Contact("EMAIL", e)).orElse(null);
    }

    List<OwnView> mine(UUID me) {
        return jdbc.sql("SELECT * FROM support_request WHERE person_id = ? ORDER BY requested_at DESC").param(me)
            .query((rs, n) -> row(rs)).list().stream().map(this::ownView).toList();
    }

    OwnView ownView(UUID me, UUID requestId) {
        return ownView(own(me, requestId));
    }

    private OwnView ownView(Row r) {
        // the supporter's name once they have said they will be in touch
        String supporter = r.acknowledgedAt() == null || r.supporterId() == null ? null
            : directory.person(r.supporterId()).map(PersonRef::name).orElse(null);
        String status = ASSIGNED.equals(r.status()) || UNASSIGNED.equals(r.status()) ? "WAITING" : r.status();
        // nobody eligible was free: said plainly, rather than "someone will be in touch soon"
        return new OwnView(r.id(), status, r.origin(), r.requestedAt(), supporter, r.acknowledgedAt(),
            r.contactMadeAt(), r.closedAt(), UNASSIGNED.equals(r.status()));
    }

    /** Oldest band first; within a band in the order of the random reference, not of time. */
    List<Waiting> waiting() {
        Instant now = now();
        return jdbc.sql("""
                SELECT r.id, r.requested_at, (SELECT COUNT(DISTINCT a.supporter_id) FROM support_assignment a
                    WHERE a.request_id = r.id) AS tried FROM support_request r
                WHERE r.status = 'UNASSIGNED' AND EXISTS (SELECT 1 FROM support_notice n
                    WHERE n.request_id = r.id AND n.resolved_at IS NULL AND n.kind = :kind)""")
            .param("kind", NOBODY_ELIGIBLE)
            .query((rs, n) -> new Waiting(rs.getObject(1, UUID.class),
                CoarseAge.between(DbTime.instant(rs, "requested_at"), now), rs.getInt(3)))
            .list().stream()
            .sorted(Comparator.comparing(Waiting::age).reversed()
                .thenComparing(w -> w.requestId().toString()))
            .toList();
    }

    /** By supporter, then oldest band first; never in the order of time. */
    List<Overdue> overdue() {
        Instant now = now();
        return jdbc.sql("""
                SELECT r.id, r.supporter_id, r.acknowledged_at FROM support_request r
                JOIN support_notice n ON n.request_id = r.id AND n.resolved_at IS NULL AND n.kind = ?
                WHERE r.status = 'ACKNOWLEDGED'""")
            .param(CONTACT_OVERDUE)
            .query((rs, n) -> new Overdue(rs.getObject(1, UUID.class),
                directory.person(rs.getObject(2, UUID.class)).map(PersonRef::name).orElse(""),
                CoarseAge.between(DbTime.instant(rs, "acknowledged_at"), now)))
            .list().stream()
            .sorted(Comparator.comparing(Overdue::supporterName)
                .thenComparing(Comparator.comparing(Overdue::since).reversed())
                .thenComparing(o -> o.requestId().toString()))
            .toList();
    }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
            rs.getObject("case_id", UUID.class), rs.getString("origin"), rs.getString("status"),
            rs.getObject("supporter_id", UUID.class), rs.getObject("assignment_id", UUID.class),
            rs.getBytes("note_ciphertext"), rs.getBoolean("share_incident"), DbTime.instant(rs, "requested_at"),
            DbTime.instant(rs, "acknowledged_at"), DbTime.instant(rs, "contact_made_at"),
            DbTime.instant(rs, "closed_at"));
    }

    private Instant now() {
        return clock.instant();
    }
}
