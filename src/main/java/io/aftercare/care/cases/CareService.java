package io.aftercare.care.cases;

import java.net.URI;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;

import io.aftercare.care.CareCaseClosed;
import io.aftercare.care.CareCaseOpened;
import io.aftercare.care.CareCases;
import io.aftercare.care.CheckInAnswered;
import io.aftercare.care.CheckInDue;
import io.aftercare.care.CheckInSuggested;
import io.aftercare.care.Outreach;
import io.aftercare.care.ResolvedIncident;
import io.aftercare.care.cases.CareViews.CaseView;
import io.aftercare.care.cases.CareViews.CheckInAnswerView;
import io.aftercare.care.cases.CareViews.FollowUpAnswerView;
import io.aftercare.care.cases.CareViews.IncidentView;
import io.aftercare.care.cases.CareViews.OpenedCase;
import io.aftercare.care.cases.CareViews.StepView;
import io.aftercare.care.cases.CareViews.SuggestionView;
import io.aftercare.care.cases.CareViews.TeamMember;
import io.aftercare.care.rules.ProgrammeRules;
import io.aftercare.care.rules.TriggerRules;
import io.aftercare.crypto.KeyDestroyedException;
import io.aftercare.crypto.PersonalEncryption;
import io.aftercare.directory.Directory;
import io.aftercare.directory.PersonRef;
import io.aftercare.directory.TeamRef;
import io.aftercare.shared.DbTime;
import io.aftercare.shared.Problems;
import io.aftercare.shared.Sha256;

/**
 * Care cases and their steps. Every method that reads or changes a person's case takes that person's id and
 * answers “not found” for anyone else's: there is no way in here to read another person's answers.
 */
@Service
class CareService implements CareCases {

    static final String CHECK_IN = "CHECK_IN";
    static final String FOLLOW_UP = "FOLLOW_UP";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final JdbcTemplate batchJdbc;
    private final Directory directory;
    private final ProgrammeRules rules;
    private final PersonalEncryption encryption;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final CareProperties properties;
    private final Clock clock;
    private final String publicUrl;

    CareService(JdbcClient jdbc, Directory directory, ProgrammeRules rules, PersonalEncryption encryption,
                ApplicationEventPublisher events, ObjectProvider<SchedulerClient> scheduler,
                CareProperties properties, Clock clock, @Value("${aftercare.public-url}") String publicUrl,
                JdbcTemplate batchJdbc) {
        this.jdbc = jdbc;
        this.batchJdbc = batchJdbc;
        this.directory = directory;
        this.rules = rules;
        this.encryption = encryption;
        this.events = events;
        this.scheduler = scheduler;
        this.properties = properties;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    // ---------------------------------------------------------------- opening cases

    @Override
    @Transactional
    public List<UUID> incidentResolved(ResolvedIncident incident) {
        return open(incident, true);
    }

    @Override
    @Transactional
    public List<UUID> incidentsResolved(List<ResolvedIncident> incidents) {
        Set<UUID> cases = new java.util.LinkedHashSet<>();
        incidents.forEach(incident -> cases.addAll(open(incident, true)));
        return List.copyOf(cases);
    }

    /**
     * Opens or joins the incident's cases and schedules their steps.
     *
     * @param announce publish {@code CareCaseOpened} for each new case (not for care replayed from the past)
     */
    @Transactional
    List<UUID> open(ResolvedIncident incident, boolean announce) {
        TriggerRules current = rules.current();
        // a person listed twice is in the incident once, with their first role
        Map<UUID, ResolvedIncident.Responder> responders = new LinkedHashMap<>();
        incident.responders().forEach(r -> responders.putIfAbsent(r.personId(), r));
        if (responders.isEmpty()) {
            return List.of();
        }
        // everything that decides who gets a case, read for all responders at once (an incident can have hundreds)
        List<UUID> ids = List.copyOf(responders.keySet());
        Map<UUID, PersonRef> people = directory.people(ids).stream()
            .collect(Collectors.toMap(PersonRef::id, p -> p, (a, b) -> a));
        Set<UUID> optedOut = Set.copyOf(jdbc.sql("SELECT person_id FROM care_person WHERE opted_out AND person_id IN (:ids)")
            .param("ids", ids).query(UUID.class).list());
        Set<UUID> alreadyIn = Set.copyOf(jdbc.sql("""
                SELECT person_id FROM care_case_incident WHERE incident_id = :incident AND person_id IN (:ids)""")
            .param("incident", incident.incidentId()).param("ids", ids).query(UUID.class).list());
        Map<UUID, UUID> joinable = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT id, person_id FROM care_case WHERE person_id IN (:ids) AND origin = 'INCIDENT' AND stage <> 'CLOSED'
                  AND last_resolved_at >= :since ORDER BY last_resolved_at DESC""")
            .param("ids", ids).param("since", DbTime.toDb(incident.resolvedAt().minus(properties.mergeWindow())))
            .query((ResultSet rs) -> {
                joinable.putIfAbsent(rs.getObject("person_id", UUID.class), rs.getObject("id", UUID.class));
            });

        Instant now = now();
        List<UUID> caseIds = new ArrayList<>();
        List<UUID> joined = new ArrayList<>();
        List<Object[]> newCases = new ArrayList<>();
        List<Object[]> caseIncidents = new ArrayList<>();
        PlannedSteps steps = new PlannedSteps();
        List<CareCaseOpened> opened = new ArrayList<>();
        for (ResolvedIncident.Responder responder : responders.values()) {
            PersonRef person = people.get(responder.personId());
            if (person == null || optedOut.contains(person.id()) || alreadyIn.contains(person.id())) {
                continue;
            }
            Set<TriggerRules.Reason> reasons = current.reasons(incident, responder, person.timeZone());
            if (reasons.isEmpty()) {
                continue;
            }
            UUID caseId = joinable.get(person.id());
            if (caseId != null) {
                joined.add(caseId);
            } else {
                caseId = UUID.randomUUID();
                newCases.add(new Object[] {caseId, person.id(), "INCIDENT", DbTime.toDb(now),
                    DbTime.toDb(incident.resolvedAt())});
                steps.plan(caseId, person, CHECK_IN, 0, incident.resolvedAt().plus(properties.checkInDelay()));
                planFollowUps(steps, caseId, person, incident.resolvedAt());
                opened.add(new CareCaseOpened(caseId, person.id(), "INCIDENT", List.of(incident.incidentId()), now));
            }
            caseIncidents.add(incidentRow(caseId, person.id(), incident, responder, reasons));
            caseIds.add(caseId);
        }
        // a few batched statements instead of a dozen round trips per person
        batch(INSERT_CASE, newCases);
        batch("UPDATE care_case SET last_resolved_at = ? WHERE id = ? AND last_resolved_at < ?", joined.stream()
            .map(id -> new Object[] {DbTime.toDb(incident.resolvedAt()), id, DbTime.toDb(incident.resolvedAt())})
            .toList());
        batch(INSERT_CASE_INCIDENT, caseIncidents);
        steps.save();
        if (announce) {
            opened.forEach(events::publishEvent);
        }
        return caseIds;
    }

    /** “I had a rough one”: a case the person opens for themselves, with its check-in waiting right away. */
    @Transactional
    OpenedCase openForSelf(UUID personId, String origin) {
        return openForSelf(personId, origin, now(), true);
    }

    /**
     * @param at       when it was opened: now, or a moment in the past for care replayed from history
     * @param announce publish {@code CareCaseOpened}
     */
    @Transactional
    OpenedCase openForSelf(UUID personId, String origin, Instant at, boolean announce) {
        if (hasOptedOut(personId)) {
            // opening a case yourself is a clear wish to take part again
            setOptedOut(personId, false);
        }
        PersonRef person = directory.person(personId).orElseThrow(() -> Problems.notFound("Person"));
        UUID caseId = UUID.randomUUID();
        jdbc.sql(INSERT_CASE).params(caseId, personId, origin, DbTime.toDb(at), null).update();
        UUID checkIn = UUID.randomUUID();
        insertStep(checkIn, caseId, personId, CHECK_IN, 0, at, at, "PENDING");
        jdbc.sql("UPDATE care_step SET pending_at = ? WHERE id = ?").params(DbTime.toDb(at), checkIn).update();
        PlannedSteps followUps = new PlannedSteps();
        planFollowUps(followUps, caseId, person, at);
        followUps.save();
        if (announce) {
            events.publishEvent(new CareCaseOpened(caseId, personId, origin, List.of(), at));
        }
        return new OpenedCase(caseId, checkIn);
    }

    private static final String INSERT_CASE = """
            INSERT INTO care_case (id, person_id, origin, stage, muted, opened_at, last_resolved_at)
            VALUES (?, ?, ?, 'OPENED', FALSE, ?, ?)""";

    private static final String INSERT_CASE_INCIDENT = """
            INSERT INTO care_case_incident (case_id, person_id, incident_id, title, severity, role, started_at,
                                            resolved_at, reasons) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static final String INSERT_STEP = """
            INSERT INTO care_step (id, case_id, person_id, kind, step_day, intended_at, due_at, status)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";

    private static Object[] incidentRow(UUID caseId, UUID personId, ResolvedIncident incident,
                                        ResolvedIncident.Responder responder, Set<TriggerRules.Reason> reasons) {
        return new Object[] {caseId, personId, incident.incidentId(), truncate(incident.title(), 500),
            incident.severity(), responder.role(), DbTime.toDb(incident.startedAt()),
            DbTime.toDb(incident.resolvedAt()), reasons.stream().map(Enum::name).collect(Collectors.joining(","))};
    }

    private void batch(String sql, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            batchJdbc.batchUpdate(sql, rows);
        }
    }

    private void planFollowUps(PlannedSteps steps, UUID caseId, PersonRef person, Instant from) {
        for (int day : properties.followUpDays()) {
            steps.plan(caseId, person, FOLLOW_UP, day, from.plus(Duration.ofDays(day)));
        }
    }

    /** Steps to schedule, each with its db-scheduler job, written together in two batches. */
    private final class PlannedSteps {

        private final List<Object[]> rows = new ArrayList<>();
        private final List<SchedulableInstance<?>> jobs = new ArrayList<>();

        void plan(UUID caseId, PersonRef person, String kind, int day, Instant intended) {
            Instant due = person.quietHours().next(intended);
            UUID stepId = UUID.randomUUID();
            rows.add(new Object[] {stepId, caseId, person.id(), kind, day, DbTime.toDb(intended), DbTime.toDb(due),
                "SCHEDULED"});
            jobs.add(CareScheduling.STEP_DUE.instance(stepId.toString()).scheduledTo(due));
        }

        void save() {
            batch(INSERT_STEP, rows);
            if (!jobs.isEmpty()) {
                // joins this transaction (transaction-aware data source): no job without its step, no step without
                // its job; the step ids are new, so no job for them can exist yet
                scheduler.getObject().scheduleBatch(jobs);
            }
        }
    }

    private void insertStep(UUID stepId, UUID caseId, UUID personId, String kind, int day, Instant intended,
                            Instant due, String status) {
        jdbc.sql(INSERT_STEP)
            .params(stepId, caseId, personId, kind, day, DbTime.toDb(intended), DbTime.toDb(due), status).update();
    }

    // ---------------------------------------------------------------- due steps (run by db-scheduler)

    private record StepRow(UUID id, UUID caseId, UUID personId, String kind, int day, String status, Instant dueAt,
                           String stage, boolean muted) {
    }

    private Optional<StepRow> stepRow(UUID stepId) {
        return jdbc.sql("""
                SELECT s.id, s.case_id, s.person_id, s.kind, s.step_day, s.status, s.due_at, c.stage, c.muted
                FROM care_step s JOIN care_case c ON c.id = s.case_id WHERE s.id = ?""")
            .param(stepId)
            .query((rs, n) -> new StepRow(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
                rs.getObject("person_id", UUID.class), rs.getString("kind"), rs.getInt("step_day"),
                rs.getString("status"), DbTime.instant(rs, "due_at"), rs.getString("stage"), rs.getBoolean("muted")))
            .optional();
    }

    /**
     * A step fell due. Idempotent: only a SCHEDULED step moves on, so a job that runs again (after a crash
     * mid-run) changes nothing.
     */
    @Transactional
    void stepDue(UUID stepId) {
        // steps of one case fall due one after another, never side by side (two jobs due at once): lock the case
        boolean waiting = !jdbc.sql("""
                SELECT id FROM care_case WHERE id = (SELECT case_id FROM care_step WHERE id = ? AND status = 'SCHEDULED')
                FOR UPDATE""").param(stepId).query(UUID.class).list().isEmpty();
        if (!waiting) {
            return;
        }
        // the step, whether its person opted out, and whether a later step already came (both were overdue, say
        // after an outage: then this one passes quietly), in one query
        record Due(StepRow step, boolean optedOut, boolean overtaken) {
        }
        Due due = jdbc.sql("""
                SELECT s.id, s.case_id, s.person_id, s.kind, s.step_day, s.status, s.due_at, c.stage, c.muted,
                       COALESCE((SELECT p.opted_out FROM care_person p WHERE p.person_id = s.person_id), FALSE)
                           AS opted_out,
                       (SELECT COUNT(*) FROM care_step l WHERE l.case_id = s.case_id AND l.step_day > s.step_day
                           AND l.status <> 'SCHEDULED') AS later
                FROM care_step s JOIN care_case c ON c.id = s.case_id WHERE s.id = ?""")
            .param(stepId)
            .query((rs, n) -> new Due(new StepRow(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
                rs.getObject("person_id", UUID.class), rs.getString("kind"), rs.getInt("step_day"),
                rs.getString("status"), DbTime.instant(rs, "due_at"), rs.getString("stage"), rs.getBoolean("muted")),
                rs.getBoolean("opted_out"), rs.getLong("later") > 0))
            .single();
        StepRow step = due.step();
        if (!step.status().equals("SCHEDULED")) {
            return;
        }
        boolean quiet = step.muted() || step.stage().equals("CLOSED") || due.optedOut();
        boolean overtaken = due.overtaken();
        Instant now = now();
        String status = quiet ? "SKIPPED" : overtaken ? "LAPSED" : "PENDING";
        int moved = jdbc.sql("UPDATE care_step SET status = ?, pending_at = ? WHERE id = ? AND status = 'SCHEDULED'")
            .params(status, status.equals("PENDING") ? DbTime.toDb(now) : null, stepId).update();
        if (moved == 0 || !status.equals("PENDING")) {
            return;
        }
        // one prompt at a time: an older one that is still open lapses quietly
        jdbc.sql("""
                UPDATE care_step SET status = 'LAPSED' WHERE case_id = ? AND status = 'PENDING' AND id <> ?
                  AND (step_day < ? OR (step_day = ? AND kind = 'CHECK_IN'))""")
            .params(step.caseId(), stepId, step.day(), step.day()).update();
        if (step.kind().equals(FOLLOW_UP)) {
            jdbc.sql("UPDATE care_case SET stage = 'FOLLOWING_UP' WHERE id = ? AND stage IN ('OPENED', 'CHECKED_IN')")
                .param(step.caseId()).update();
        }
        PersonRef person = directory.person(step.personId()).orElse(null);
        Instant reminder = now.plus(properties.reminderDelay());
        if (person != null) {
            reminder = person.quietHours().next(reminder);
        }
        scheduler.getObject().scheduleIfNotExists(
            CareScheduling.REMINDER_DUE.instance(stepId.toString()).scheduledTo(reminder));
        events.publishEvent(new CheckInDue(stepId, step.caseId(), step.personId(), step.kind(), step.day(), false,
            now));
    }

    /** The one reminder of a step, if it is still waiting for an answer. */
    @Transactional
    void reminderDue(UUID stepId) {
        Instant now = now();
        int reminded = jdbc.sql("""
                UPDATE care_step SET reminded_at = ? WHERE id = ? AND status = 'PENDING' AND reminded_at IS NULL""")
            .params(DbTime.toDb(now), stepId).update();
        if (reminded == 1) {
            StepRow step = stepRow(stepId).orElseThrow();
            if (!step.muted() && !hasOptedOut(step.personId())) {
                events.publishEvent(new CheckInDue(stepId, step.caseId(), step.personId(), step.kind(), step.day(),
                    true, now));
            }
        }
    }

    // ---------------------------------------------------------------- answering

    private StepRow ownPendingStep(UUID personId, UUID stepId) {
        StepRow step = stepRow(stepId).filter(s -> s.personId().equals(personId))
            .orElseThrow(() -> Problems.notFound("Check-in"));
        if (!step.status().equals("PENDING")) {
            throw Problems.conflict(step.status().equals("SCHEDULED") ? "This check-in is not open yet."
                : "This check-in was already answered or has closed.");
        }
        return step;
    }

    /** Answers a pending check-in or follow-up of the person's own, from the API's one body shape. */
    @Transactional
    String answer(UUID personId, UUID stepId, AnswerBody body) {
        StepRow step = ownPendingStep(personId, stepId);
        if (body.response() != null && !body.response().isBlank()) {
            quickResponse(step, Answers.quick(body.response()));
        } else if (step.kind().equals(CHECK_IN)) {
            answerCheckIn(step, Answers.checkIn(body.stress(), body.effects(), body.outreach(), body.note()));
        } else {
            answerFollowUp(step, Answers.followUp(body.items(), body.note()));
        }
        return step.kind();
    }

    /** The request body of an answer: a check-in's fields, a follow-up's items, or a quick response. */
    record AnswerBody(String response, Integer stress, List<String> effects, String outreach,
                      Map<String, Integer> items, String note) {
    }

    private void answerCheckIn(StepRow step, Answers.CheckIn answer) {
        Instant now = now();
        markAnswered(step, "ANSWERED", now);
        // a stress answer given earlier by one click (chat) is replaced by the full answer
        jdbc.sql("DELETE FROM care_check_in_answer WHERE step_id = ?").param(step.id()).update();
        jdbc.sql("""
                INSERT INTO care_check_in_answer (step_id, person_id, stress, effects, outreach, note_ciphertext,
                                                  answered_at) VALUES (?, ?, ?, ?, ?, ?, ?)""")
            .params(step.id(), step.personId(), answer.stress(),
                answer.effects().stream().map(Enum::name).collect(Collectors.joining(",")),
                answer.outreach().name(), encryptNote(step.personId(), answer.note(), noteContext(step)),
                DbTime.toDb(now))
            .update();
        checkedIn(step);
        events.publishEvent(new CheckInAnswered(step.caseId(), step.id(), step.personId(), answer.outreach(), now));
    }

    private void answerFollowUp(StepRow step, Answers.FollowUp answer) {
        Instant now = now();
        markAnswered(step, "ANSWERED", now);
        Map<Answers.Item, Integer> items = answer.items();
        jdbc.sql("""
                INSERT INTO care_follow_up_answer (step_id, person_id, rumination_1, rumination_2, rumination_3,
                    self_critic_1, self_critic_2, mistakes_1, mistakes_2, note_ciphertext, answered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(step.id(), step.personId(), items.get(Answers.Item.RUMINATION_1),
                items.get(Answers.Item.RUMINATION_2), items.get(Answers.Item.RUMINATION_3),
                items.get(Answers.Item.SELF_CRITICISM_1), items.get(Answers.Item.SELF_CRITICISM_2),
                items.get(Answers.Item.MISTAKES_1), items.get(Answers.Item.MISTAKES_2),
                encryptNote(step.personId(), answer.note(), noteContext(step)), DbTime.toDb(now))
            .update();
        closeIfLast(step);
    }

    private void quickResponse(StepRow step, Answers.QuickResponse response) {
        Instant now = now();
        markAnswered(step, response.name(), now);
        if (step.kind().equals(CHECK_IN)) {
            if (response == Answers.QuickResponse.FINE) {
                checkedIn(step);
                events.publishEvent(new CheckInAnswered(step.caseId(), step.id(), step.personId(), Outreach.NOBODY,
                    now));
            }
        } else {
            closeIfLast(step);
        }
    }

    private void markAnswered(StepRow step, String status, Instant now) {
        int updated = jdbc.sql("UPDATE care_step SET status = ?, answered_at = ? WHERE id = ? AND status = 'PENDING'")
            .params(status, DbTime.toDb(now), step.id()).update();
        if (updated == 0) {
            throw Problems.conflict("This check-in was already answered.");
        }
    }

    private void checkedIn(StepRow step) {
        jdbc.sql("UPDATE care_case SET stage = 'CHECKED_IN' WHERE id = ? AND stage = 'OPENED'")
            .param(step.caseId()).update();
    }

    private void closeIfLast(StepRow step) {
        Integer lastDay = jdbc.sql("SELECT MAX(step_day) FROM care_step WHERE case_id = ? AND kind = 'FOLLOW_UP'")
            .param(step.caseId()).query(Integer.class).single();
        if (lastDay != null && step.day() >= lastDay) {
            closeCase(step.caseId(), step.personId(), "COMPLETED");
        }
    }

    private static String noteContext(StepRow step) {
        return "care.note:" + step.id();
    }

    private byte[] encryptNote(UUID personId, String note, String context) {
        return note == null ? null : encryption.encryptText(personId, note, context);
    }

    private String decryptNote(UUID personId, byte[] ciphertext, UUID stepId) {
        if (ciphertext == null) {
            return null;
        }
        try {
            return encryption.decryptText(personId, ciphertext, "care.note:" + stepId);
        } catch (KeyDestroyedException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- the person's own controls

    @Transactional
    void close(UUID personId, UUID caseId) {
        CaseView found = ownCase(personId, caseId);
        if (found.open()) {
            closeCase(caseId, personId, "PERSON");
        }
    }

    private void closeCase(UUID caseId, UUID personId, String reason) {
        Instant now = now();
        int closed = jdbc.sql("""
                UPDATE care_case SET stage = 'CLOSED', closed_at = ?, closed_reason = ? WHERE id = ? AND stage <> 'CLOSED'""")
            .params(DbTime.toDb(now), reason, caseId).update();
        if (closed == 1) {
            jdbc.sql("UPDATE care_step SET status = 'SKIPPED' WHERE case_id = ? AND status = 'PENDING'")
                .param(caseId).update();
            events.publishEvent(new CareCaseClosed(caseId, personId, reason, now));
        }
    }

    /** A closed case back open; steps still to come will be asked again. */
    @Transactional
    void reopen(UUID personId, UUID caseId) {
        CaseView found = ownCase(personId, caseId);
        if (found.open()) {
            return;
        }
        long followUps = jdbc.sql("""
                SELECT COUNT(*) FROM care_step WHERE case_id = ? AND kind = 'FOLLOW_UP' AND status <> 'SCHEDULED'""")
            .param(caseId).query(Long.class).single();
        long checkedIn = jdbc.sql("""
                SELECT COUNT(*) FROM care_step WHERE case_id = ? AND kind = 'CHECK_IN' AND status IN ('ANSWERED', 'FINE')""")
            .param(caseId).query(Long.class).single();
        String stage = followUps > 0 ? "FOLLOWING_UP" : checkedIn > 0 ? "CHECKED_IN" : "OPENED";
        jdbc.sql("UPDATE care_case SET stage = ?, closed_at = NULL, closed_reason = NULL WHERE id = ?")
            .params(stage, caseId).update();
    }

    /** “Stop asking about this”: no more prompts for this case; it stays in the person's history. */
    @Transactional
    void stopAsking(UUID personId, UUID caseId) {
        ownCase(personId, caseId);
        jdbc.sql("UPDATE care_case SET muted = TRUE WHERE id = ?").param(caseId).update();
        jdbc.sql("UPDATE care_step SET status = 'SKIPPED' WHERE case_id = ? AND status = 'PENDING'")
            .param(caseId).update();
    }

    @Override
    public boolean hasOpenCaseSince(UUID personId, Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM care_case WHERE person_id = ? AND closed_at IS NULL AND opened_at >= ?")
            .params(personId, DbTime.toDb(since)).query(Long.class).single() > 0;
    }

    @Override
    public boolean isOwnCase(UUID personId, UUID caseId) {
        return jdbc.sql("SELECT COUNT(*) FROM care_case WHERE id = ? AND person_id = ?").params(caseId, personId)
            .query(Long.class).single() > 0;
    }

    @Override
    public boolean hasOptedOut(UUID personId) {
        return jdbc.sql("SELECT opted_out FROM care_person WHERE person_id = ?").param(personId)
            .query(Boolean.class).optional().orElse(false);
    }

    /** Opting out: no cases opened and no prompts, until the person opts back in. */
    @Transactional
    void setOptedOut(UUID personId, boolean optedOut) {
        Instant now = now();
        int updated = jdbc.sql("UPDATE care_person SET opted_out = ?, opted_out_at = ? WHERE person_id = ?")
            .params(optedOut, optedOut ? DbTime.toDb(now) : null, personId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO care_person (person_id, opted_out, opted_out_at) VALUES (?, ?, ?)")
                .params(personId, optedOut, optedOut ? DbTime.toDb(now) : null).update();
        }
        if (optedOut) {
            jdbc.sql("UPDATE care_step SET status = 'SKIPPED' WHERE person_id = ? AND status = 'PENDING'")
                .param(personId).update();
        }
    }

    // ---------------------------------------------------------------- reading one's own

    CaseView ownCase(UUID personId, UUID caseId) {
        return cases(personId, caseId).stream().findFirst().orElseThrow(() -> Problems.notFound("Care case"));
    }

    List<CaseView> cases(UUID personId) {
        return cases(personId, null);
    }

    private List<CaseView> cases(UUID personId, UUID onlyCase) {
        List<CaseView> cases = jdbc.sql("""
                SELECT id, stage, origin, muted, opened_at, closed_at, closed_reason FROM care_case
                WHERE person_id = :person AND (CAST(:only AS UUID) IS NULL OR id = :only)
                ORDER BY opened_at DESC""")
            .param("person", personId).param("only", onlyCase)
            .query((rs, n) -> new CaseView(rs.getObject("id", UUID.class), rs.getString("stage"),
                rs.getString("origin"), rs.getBoolean("muted"), DbTime.instant(rs, "opened_at"),
                DbTime.instant(rs, "closed_at"), rs.getString("closed_reason"), List.of()))
            .list();
        Map<UUID, List<IncidentView>> incidents = incidents(cases.stream().map(CaseView::id).toList());
        return cases.stream().map(c -> new CaseView(c.id(), c.stage(), c.origin(), c.muted(), c.openedAt(),
            c.closedAt(), c.closedReason(), incidents.getOrDefault(c.id(), List.of()))).toList();
    }

    private Map<UUID, List<IncidentView>> incidents(Collection<UUID> caseIds) {
        Map<UUID, List<IncidentView>> byCase = new LinkedHashMap<>();
        if (caseIds.isEmpty()) {
            return byCase;
        }
        jdbc.sql("""
                SELECT case_id, incident_id, title, severity, role, resolved_at, reasons FROM care_case_incident
                WHERE case_id IN (:ids) ORDER BY resolved_at""")
            .param("ids", caseIds)
            .query((ResultSet rs) -> {
                byCase.computeIfAbsent(rs.getObject("case_id", UUID.class), k -> new ArrayList<>())
                    .add(new IncidentView(rs.getObject("incident_id", UUID.class), rs.getString("title"),
                        rs.getString("severity"), rs.getString("role"), DbTime.instant(rs, "resolved_at"),
                        Arrays.stream(rs.getString("reasons").split(",")).filter(s -> !s.isBlank()).toList()));
            });
        return byCase;
    }

    /** The person's check-ins and follow-ups that have fallen due (pending and past), newest first. */
    List<StepView> steps(UUID personId) {
        return steps(personId, null);
    }

    Optional<StepView> step(UUID personId, UUID stepId) {
        return steps(personId, stepId).stream().findFirst();
    }

    private List<StepView> steps(UUID personId, UUID onlyStep) {
        List<StepView> steps = jdbc.sql("""
                SELECT s.id, s.case_id, s.kind, s.step_day, s.due_at, s.status, s.reminded_at, s.answered_at,
                       a.stress, a.effects, a.outreach, a.note_ciphertext AS check_in_note,
                       f.rumination_1, f.rumination_2, f.rumination_3, f.self_critic_1, f.self_critic_2,
                       f.mistakes_1, f.mistakes_2, f.note_ciphertext AS follow_up_note, f.step_id AS follow_up_id
                FROM care_step s
                LEFT JOIN care_check_in_answer a ON a.step_id = s.id
                LEFT JOIN care_follow_up_answer f ON f.step_id = s.id
                WHERE s.person_id = :person AND s.status <> 'SCHEDULED'
                  AND (CAST(:only AS UUID) IS NULL OR s.id = :only)
                ORDER BY COALESCE(s.pending_at, s.due_at) DESC, s.step_day DESC""")
            .param("person", personId).param("only", onlyStep)
            .query((rs, n) -> stepView(personId, rs))
            .list();
        Map<UUID, List<IncidentView>> incidents = incidents(steps.stream().map(StepView::caseId).distinct().toList());
        return steps.stream().map(s -> new StepView(s.id(), s.caseId(), s.kind(), s.day(), s.dueAt(), s.status(),
            s.remindedAt(), s.answeredAt(), incidents.getOrDefault(s.caseId(), List.of()), s.checkIn(),
            s.followUp())).toList();
    }

    private StepView stepView(UUID personId, ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        CheckInAnswerView checkIn = null;
        if (rs.getString("outreach") != null) {
            String effects = rs.getString("effects");
            checkIn = new CheckInAnswerView(rs.getInt("stress"),
                effects.isBlank() ? List.of() : List.of(effects.split(",")), rs.getString("outreach"),
                decryptNote(personId, rs.getBytes("check_in_note"), id));
        }
        FollowUpAnswerView followUp = null;
        if (rs.getObject("follow_up_id") != null) {
            Map<String, Integer> items = new LinkedHashMap<>();
            for (Answers.Item item : Answers.Item.values()) {
                Object value = rs.getObject(item.column);
                if (value != null) {
                    items.put(item.key(), ((Number) value).intValue());
                }
            }
            followUp = new FollowUpAnswerView(items, decryptNote(personId, rs.getBytes("follow_up_note"), id));
        }
        return new StepView(id, rs.getObject("case_id", UUID.class), rs.getString("kind"), rs.getInt("step_day"),
            DbTime.instant(rs, "due_at"), rs.getString("status"), DbTime.instant(rs, "reminded_at"),
            DbTime.instant(rs, "answered_at"), List.of(), checkIn, followUp);
    }

    // ---------------------------------------------------------------- signed answer links

    @Override
    @Transactional
    public URI answerLink(UUID stepId) {
        StepRow step = stepRow(stepId).orElseThrow(() -> Problems.notFound("Check-in"));
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = now();
        jdbc.sql("""
                INSERT INTO care_link (token_hash, step_id, person_id, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?)""")
            .params(hash(token), stepId, step.personId(), DbTime.toDb(now),
                DbTime.toDb(now.plus(properties.linkValidFor())))
            .update();
        return URI.create(publicUrl + "/c/" + token);
    }

    /** The person and step a link answers, if it is unused, unexpired and its step still waits for an answer. */
    Optional<LinkTarget> link(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT l.step_id, l.person_id FROM care_link l JOIN care_step s ON s.id = l.step_id
                WHERE l.token_hash = ? AND l.used_at IS NULL AND l.expires_at > ? AND s.status = 'PENDING'""")
            .params(hash(token), DbTime.toDb(now()))
            .query((rs, n) -> new LinkTarget(rs.getObject("person_id", UUID.class), rs.getObject("step_id", UUID.class)))
            .optional();
    }

    record LinkTarget(UUID personId, UUID stepId) {
    }

    /** Uses the link up (once) and answers its step, all or nothing: an invalid answer leaves the link usable. */
    @Transactional
    String answerByLink(String token, AnswerBody body) {
        LinkTarget target = link(token).orElseThrow(() -> Problems.notFound("Link"));
        int used = jdbc.sql("UPDATE care_link SET used_at = ? WHERE token_hash = ? AND used_at IS NULL")
            .params(DbTime.toDb(now()), hash(token)).update();
        if (used == 0) {
            throw Problems.notFound("Link");
        }
        return answer(target.personId(), target.stepId(), body);
    }

    static String hash(String token) {
        return Sha256.hex(token);
    }

    // ---------------------------------------------------------------- leads

    /**
     * A lead's suggestion reaches the person as an invitation; the lead learns nothing about what follows. Whether
     * the person already has an invitation waiting, or has opted out, changes nothing the lead can see: the caller
     * answers the same way every time.
     */
    @Transactional
    void suggest(UUID leadId, UUID teamId, UUID personId) {
        TeamRef team = directory.team(teamId).orElseThrow(() -> Problems.notFound("Team"));
        if (!team.members().contains(personId) && !team.leads().contains(personId)) {
            throw Problems.notFound("Team member");
        }
        long open = jdbc.sql("SELECT COUNT(*) FROM care_suggestion WHERE person_id = ? AND responded_at IS NULL")
            .param(personId).query(Long.class).single();
        if (open == 0 && !hasOptedOut(personId)) {
            UUID id = UUID.randomUUID();
            jdbc.sql("INSERT INTO care_suggestion (id, person_id, suggested_by, created_at) VALUES (?, ?, ?, ?)")
                .params(id, personId, leadId, DbTime.toDb(now())).update();
            // the person hears of it in their inbox and by their channel; the lead's answer stays the same
            events.publishEvent(new CheckInSuggested(id, personId, now()));
        }
    }

    List<SuggestionView> suggestions(UUID personId) {
        return jdbc.sql("""
                SELECT id, created_at FROM care_suggestion WHERE person_id = ? AND responded_at IS NULL
                ORDER BY created_at""")
            .param(personId)
            .query((rs, n) -> new SuggestionView(rs.getObject("id", UUID.class), DbTime.instant(rs, "created_at")))
            .list();
    }

    /** @return the opened case when the person accepted */
    @Transactional
    Optional<OpenedCase> respondToSuggestion(UUID personId, UUID suggestionId, boolean accept) {
        int updated = jdbc.sql("""
                UPDATE care_suggestion SET responded_at = ? WHERE id = ? AND person_id = ? AND responded_at IS NULL""")
            .params(DbTime.toDb(now()), suggestionId, personId).update();
        if (updated == 0) {
            throw Problems.notFound("Invitation");
        }
        return accept ? Optional.of(openForSelf(personId, "SUGGESTED")) : Optional.empty();
    }

    /**
     * For a team's lead: the team's members by name, and nothing of their care. Whether someone has a case, was
     * asked, answered or accepted a suggestion is theirs alone; what a lead may learn comes from group statistics.
     */
    List<TeamMember> team(UUID teamId) {
        TeamRef team = directory.team(teamId).orElseThrow(() -> Problems.notFound("Team"));
        List<UUID> ids = team.members().stream().distinct().toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return directory.people(ids).stream()
            .map(p -> new TeamMember(p.id(), p.name()))
            .sorted(java.util.Comparator.comparing(TeamMember::name, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(m -> m.personId().toString()))
            .toList();
    }

    // ---------------------------------------------------------------- helpers

    private Instant now() {
        return clock.instant();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    // ---------------------------------------------------------------- answering from chat (Slack buttons, commands)

    @Override
    @Transactional
    public UUID openForSelf(UUID personId) {
        return openForSelf(personId, "SELF").checkInId();
    }

    @Override
    @Transactional
    public void answerStress(UUID personId, UUID stepId, int stress) {
        StepRow step = ownPendingStep(personId, stepId);
        if (!step.kind().equals(CHECK_IN)) {
            throw Problems.notFound("Check-in");
        }
        Answers.CheckIn answer = Answers.checkIn(stress, List.of(), null, null);
        // the step stays pending: the rest of the form (effects, outreach, a note) can still be given
        jdbc.sql("DELETE FROM care_check_in_answer WHERE step_id = ?").param(step.id()).update();
        jdbc.sql("""
                INSERT INTO care_check_in_answer (step_id, person_id, stress, effects, outreach, note_ciphertext,
                                                  answered_at) VALUES (?, ?, ?, '', ?, NULL, ?)""")
            .params(step.id(), step.personId(), answer.stress(), answer.outreach().name(), DbTime.toDb(now()))
            .update();
        // they answered: the step's one reminder is not sent
        jdbc.sql("UPDATE care_step SET reminded_at = COALESCE(reminded_at, ?) WHERE id = ?")
            .params(DbTime.toDb(now()), step.id()).update();
        checkedIn(step);
    }

    @Override
    @Transactional
    public void notNow(UUID personId, UUID stepId) {
        quickResponse(ownPendingStep(personId, stepId), Answers.QuickResponse.NOT_NOW);
    }
}
