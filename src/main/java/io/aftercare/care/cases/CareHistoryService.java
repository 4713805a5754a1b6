package io.aftercare.care.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.github.kagkarlsson.scheduler.SchedulerClient;

import io.aftercare.care.CareHistory;
import io.aftercare.care.ResolvedIncident;
import io.aftercare.crypto.PersonalEncryption;
import io.aftercare.shared.DbTime;

/**
 * Replays care that already happened. Cases are opened by {@link CareService}'s own code (rules, merging, due
 * times); each step already due is then moved the way {@code stepDue} and an answer would have moved it, with the
 * times it would have had, and its job is taken away so that nobody is prompted about the past.
 */
@Service
class CareHistoryService implements CareHistory {

    private record Step(UUID id, UUID caseId, UUID personId, String kind, int day, Instant dueAt) {
    }

    private final CareService care;
    private final JdbcClient jdbc;
    private final PersonalEncryption encryption;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final Clock clock;

    CareHistoryService(CareService care, JdbcClient jdbc, PersonalEncryption encryption,
                       ObjectProvider<SchedulerClient> scheduler, Clock clock) {
        this.care = care;
        this.jdbc = jdbc;
        this.encryption = encryption;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @Override
    @Transactional
    public List<UUID> incidentResolvedInThePast(ResolvedIncident incident, PastAnswers answers) {
        Instant now = clock.instant();
        List<UUID> caseIds = care.open(incident, false);
        if (caseIds.isEmpty()) {
            return caseIds;
        }
        // a case opened now for an incident long ago was opened when the incident resolved
        jdbc.sql("UPDATE care_case SET opened_at = :at WHERE id IN (:ids) AND opened_at > :at")
            .param("at", DbTime.toDb(incident.resolvedAt())).param("ids", caseIds).update();
        settleDue(caseIds, answers, now);
        return caseIds;
    }

    @Override
    @Transactional
    public UUID openedForSelfInThePast(UUID personId, Instant openedAt, PastAnswers answers) {
        Instant now = clock.instant();
        CareViews.OpenedCase opened = care.openForSelf(personId, "SELF", openedAt, false);
        // its check-in waits from the start: answered then, or still waiting
        Step checkIn = new Step(opened.checkInId(), opened.caseId(), personId, CareService.CHECK_IN, 0, openedAt);
        answer(checkIn, answers.answer(personId, CareService.CHECK_IN, 0), now);
        settleDue(List.of(opened.caseId()), answers, now);
        return opened.caseId();
    }

    private void settleDue(List<UUID> caseIds, PastAnswers answers, Instant now) {
        List<Step> due = jdbc.sql("""
                SELECT id, case_id, person_id, kind, step_day, due_at FROM care_step
                WHERE case_id IN (:ids) AND status = 'SCHEDULED' AND due_at <= :now
                ORDER BY due_at, step_day""")
            .param("ids", caseIds).param("now", DbTime.toDb(now))
            .query((rs, n) -> new Step(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
                rs.getObject("person_id", UUID.class), rs.getString("kind"), rs.getInt("step_day"),
                DbTime.instant(rs, "due_at")))
            .list();
        for (Step step : due) {
            settle(step, answers.answer(step.personId(), step.kind(), step.day()), now);
        }
    }

    private void settle(Step step, Optional<PastAnswer> answer, Instant now) {
        scheduler.getObject().cancel(CareScheduling.STEP_DUE.instanceId(step.id().toString()));
        if (isClosed(step.caseId())) {
            // the person closed it, or its last follow-up was answered: later steps pass quietly, as in stepDue
            jdbc.sql("UPDATE care_step SET status = 'SKIPPED' WHERE id = ?").param(step.id()).update();
            return;
        }
        // as stepDue: the step waits, an older one still waiting lapses, a follow-up means following up
        jdbc.sql("UPDATE care_step SET status = 'PENDING', pending_at = ? WHERE id = ?")
            .params(DbTime.toDb(step.dueAt()), step.id()).update();
        jdbc.sql("""
                UPDATE care_step SET status = 'LAPSED' WHERE case_id = ? AND status = 'PENDING' AND id <> ?
                  AND (step_day < ? OR (step_day = ? AND kind = 'CHECK_IN'))""")
            .params(step.caseId(), step.id(), step.day(), step.day()).update();
        if (step.kind().equals(CareService.FOLLOW_UP)) {
            jdbc.sql("UPDATE care_case SET stage = 'FOLLOWING_UP' WHERE id = ? AND stage IN ('OPENED', 'CHECKED_IN')")
                .param(step.caseId()).update();
        }
        answer(step, answer, now);
    }

    /** Gives the pending step its answer, at the time it was given, unless that time has not come yet. */
    private void answer(Step step, Optional<PastAnswer> answer, Instant now) {
        if (answer.isEmpty() || !step.dueAt().plus(answer.get().after()).isBefore(now)) {
            return;
        }
        PastAnswer given = answer.get();
        Instant at = step.dueAt().plus(given.after());
        String status = "ANSWERED";
        if (given.response() != null) {
            status = Answers.quick(given.response()).name();
        } else if (step.kind().equals(CareService.CHECK_IN)) {
            Answers.CheckIn checkIn = Answers.checkIn(given.stress(), given.effects(), given.outreach(), given.note());
            jdbc.sql("""
                    INSERT INTO care_check_in_answer (step_id, person_id, stress, effects, outreach, note_ciphertext,
                                                      answered_at) VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(step.id(), step.personId(), checkIn.stress(),
                    checkIn.effects().stream().map(Enum::name).collect(Collectors.joining(",")),
                    checkIn.outreach().name(), encrypt(step, checkIn.note()), DbTime.toDb(at))
                .update();
        } else {
            Answers.FollowUp followUp = Answers.followUp(given.items(), given.note());
            Map<Answers.Item, Integer> items = followUp.items();
            jdbc.sql("""
                    INSERT INTO care_follow_up_answer (step_id, person_id, rumination_1, rumination_2, rumination_3,
                        self_critic_1, self_critic_2, mistakes_1, mistakes_2, note_ciphertext, answered_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(step.id(), step.personId(), items.get(Answers.Item.RUMINATION_1),
                    items.get(Answers.Item.RUMINATION_2), items.get(Answers.Item.RUMINATION_3),
                    items.get(Answers.Item.SELF_CRITICISM_1), items.get(Answers.Item.SELF_CRITICISM_2),
                    items.get(Answers.Item.MISTAKES_1), items.get(Answers.Item.MISTAKES_2),
                    encrypt(step, followUp.note()), DbTime.toDb(at))
                .update();
        }
        jdbc.sql("UPDATE care_step SET status = ?, answered_at = ? WHERE id = ?")
            .params(status, DbTime.toDb(at), step.id()).update();
        if (step.kind().equals(CareService.CHECK_IN)) {
            if (!status.equals("NOT_NOW")) {
                jdbc.sql("UPDATE care_case SET stage = 'CHECKED_IN' WHERE id = ? AND stage = 'OPENED'")
                    .param(step.caseId()).update();
            }
        } else if (isLast(step)) {
            jdbc.sql("""
                    UPDATE care_case SET stage = 'CLOSED', closed_at = ?, closed_reason = 'COMPLETED'
                    WHERE id = ? AND stage <> 'CLOSED'""")
                .params(DbTime.toDb(at), step.caseId()).update();
        }
    }

    private boolean isClosed(UUID caseId) {
        return jdbc.sql("SELECT stage FROM care_case WHERE id = ?").param(caseId).query(String.class).single()
            .equals("CLOSED");
    }

    private boolean isLast(Step step) {
        Integer lastDay = jdbc.sql("SELECT MAX(step_day) FROM care_step WHERE case_id = ? AND kind = 'FOLLOW_UP'")
            .param(step.caseId()).query(Integer.class).single();
        return lastDay != null && step.day() >= lastDay;
    }

    private byte[] encrypt(Step step, String note) {
        // the same key and context as a live answer's note, so it reads back the same way
        return note == null ? null : encryption.encryptText(step.personId(), note, "care.note:" + step.id());
    }
}
