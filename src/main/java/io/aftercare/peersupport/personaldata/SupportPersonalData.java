package io.aftercare.peersupport.personaldata;

import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.aftercare.crypto.KeyDestroyedException;
import io.aftercare.crypto.PersonalEncryption;
import io.aftercare.peersupport.NudgeWithdrawn;
import io.aftercare.peersupport.requests.ReleaseErasedSupporter;
import io.aftercare.shared.DbTime;
import io.aftercare.shared.PersonalData;

/**
 * Peer support's part of a person's data: the outreach record of their cases, nudges about them (without whom) and
 * nudges to them (without about whom), their support requests with what they told their supporter (decrypted for
 * them), and, if they support others, their roster entry and the assignments they held (without whom for).
 *
 * <p>Erasing deletes their cases, nudges and requests, and their roster entry. Someone else's request that they were
 * assigned to keeps its history under no supporter; if it was still waiting for them, it waits for a coordinator to
 * try it again, like a request nobody could take.
 */
@Component
@Order(200)
class SupportPersonalData implements PersonalData {

    private final JdbcClient jdbc;
    private final PersonalEncryption encryption;
    private final ApplicationEventPublisher events;
    private final ReleaseErasedSupporter releaseSupporter;

    SupportPersonalData(JdbcClient jdbc, PersonalEncryption encryption, ApplicationEventPublisher events,
                        ReleaseErasedSupporter releaseSupporter) {
        this.jdbc = jdbc;
        this.encryption = encryption;
        this.events = events;
        this.releaseSupporter = releaseSupporter;
    }

    record Support(List<Outreach> outreach, List<Nudge> nudgesAboutMe, List<Nudge> nudgesToMe,
                   List<Request> requests, Supporter supporter, List<Assignment> assignmentsAsSupporter) {
    }

    record Outreach(UUID caseId, Instant openedAt, String outreach, Instant firstOutreachAt) {
    }

    record Nudge(String relation, String status, Instant createdAt, Instant deliveredAt, Instant reachedOutAt) {
    }

    record Request(UUID id, String origin, String status, String note, boolean shareIncident, Instant requestedAt,
                   Instant acknowledgedAt, Instant contactMadeAt, Instant closedAt, String closedBy) {
    }

    record Supporter(int weeklyCapacity, String languages, LocalTime workStart, LocalTime workEnd, boolean onBreak) {
    }

    record Assignment(Instant assignedAt, String outcome, Instant endedAt) {
    }

    @Override
    public String section() {
        return "support";
    }

    @Override
    public Object export(UUID personId) {
        List<Outreach> outreach = jdbc.sql("""
                SELECT case_id, opened_at, outreach, first_outreach_at FROM support_case WHERE person_id = ?
                ORDER BY opened_at""")
            .param(personId)
            .query((rs, n) -> new Outreach(rs.getObject("case_id", UUID.class), DbTime.instant(rs, "opened_at"),
                rs.getString("outreach"), DbTime.instant(rs, "first_outreach_at")))
            .list();
        String nudges = "SELECT relation, status, created_at, delivered_at, reached_out_at FROM support_nudge WHERE ";
        // a nudge skipped because its recipient had a case of their own says something about that recipient, not
        // about this person: it is in the recipient's export only
        List<Nudge> about = jdbc.sql(nudges + "about_person_id = ? AND status <> 'SKIPPED' ORDER BY created_at")
            .param(personId)
            .query((rs, n) -> nudge(rs)).list();
        List<Nudge> to = jdbc.sql(nudges + "nudged_id = ? ORDER BY created_at").param(personId)
            .query((rs, n) -> nudge(rs)).list();
        List<Request> requests = jdbc.sql("SELECT * FROM support_request WHERE person_id = ? ORDER BY requested_at")
            .param(personId)
            .query((rs, n) -> {
                UUID id = rs.getObject("id", UUID.class);
                return new Request(id, rs.getString("origin"), rs.getString("status"),
                    note(personId, rs.getBytes("note_ciphertext"), id), rs.getBoolean("share_incident"),
                    DbTime.instant(rs, "requested_at"), DbTime.instant(rs, "acknowledged_at"),
                    DbTime.instant(rs, "contact_made_at"), DbTime.instant(rs, "closed_at"), rs.getString("closed_by"));
            })
            .list();
        Supporter supporter = jdbc.sql("""
                SELECT weekly_capacity, languages, work_start, work_end, on_break FROM support_supporter
                WHERE person_id = ?""")
            .param(personId)
            .query((rs, n) -> new Supporter(rs.getInt(1), rs.getString(2), rs.getObject(3, LocalTime.class),
                rs.getObject(4, LocalTime.class), rs.getBoolean(5)))
            .optional().orElse(null);
        List<Assignment> assignments = jdbc.sql("""
                SELECT assigned_at, outcome, ended_at FROM support_assignment WHERE supporter_id = ?
                ORDER BY assigned_at""")
            .param(personId)
            .query((rs, n) -> new Assignment(DbTime.instant(rs, "assigned_at"), rs.getString("outcome"),
                DbTime.instant(rs, "ended_at")))
            .list();
        return new Support(outreach, about, to, requests, supporter, assignments);
    }

    private static Nudge nudge(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Nudge(rs.getString("relation"), rs.getString("status"), DbTime.instant(rs, "created_at"),
            DbTime.instant(rs, "delivered_at"), DbTime.instant(rs, "reached_out_at"));
    }

    private String note(UUID personId, byte[] ciphertext, UUID requestId) {
        if (ciphertext == null) {
            return null;
        }
        try {
            return encryption.decryptText(personId, ciphertext, "support.note:" + requestId);
        } catch (KeyDestroyedException e) {
            return null;
        }
    }

    @Override
    public void erase(UUID personId) {
        List<UUID> jobs = new ArrayList<>();
        jobs.addAll(jdbc.sql("SELECT case_id FROM support_case WHERE person_id = ?").param(personId)
            .query(UUID.class).list());
        jobs.addAll(jdbc.sql("SELECT id FROM support_nudge WHERE about_person_id = :p OR nudged_id = :p")
            .param("p", personId).query(UUID.class).list());
        List<UUID> requests = jdbc.sql("SELECT id FROM support_request WHERE person_id = ?").param(personId)
            .query(UUID.class).list();
        jobs.addAll(requests);
        if (!requests.isEmpty()) {
            jobs.addAll(jdbc.sql("SELECT id FROM support_assignment WHERE request_id IN (:r)").param("r", requests)
                .query(UUID.class).list());
        }
        Instant now = Instant.now();
        // nudges about them that colleagues were shown go from those colleagues' inboxes too, so that the inbox
        // and the nudges page agree (a nudge to them goes with their own inbox)
        record Delivered(UUID id, UUID nudged) {
        }
        List<Delivered> delivered = jdbc.sql("""
                SELECT id, nudged_id FROM support_nudge WHERE about_person_id = ? AND nudged_id <> ?
                  AND status IN ('DELIVERED', 'DONE')""")
            .params(personId, personId)
            .query((rs, n) -> new Delivered(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list();
        delivered.forEach(d -> events.publishEvent(new NudgeWithdrawn(d.id(), d.nudged(), now)));
        // someone else's request that was waiting for this supporter waits for a coordinator again
        releaseSupporter.release(personId, now);
        jdbc.sql("UPDATE support_request SET supporter_id = NULL WHERE supporter_id = ?").param(personId).update();
        jdbc.sql("UPDATE support_assignment SET supporter_id = NULL WHERE supporter_id = ?").param(personId).update();
        if (!requests.isEmpty()) {
            jdbc.sql("DELETE FROM support_notice WHERE request_id IN (:r)").param("r", requests).update();
            // their assignments go with them (ON DELETE CASCADE)
            jdbc.sql("DELETE FROM support_request WHERE id IN (:r)").param("r", requests).update();
        }
        jdbc.sql("DELETE FROM support_nudge WHERE about_person_id = :p OR nudged_id = :p").param("p", personId)
            .update();
        jdbc.sql("DELETE FROM support_case_incident WHERE person_id = ?").param(personId).update();
        jdbc.sql("DELETE FROM support_case WHERE person_id = ?").param(personId).update();
        jdbc.sql("UPDATE support_case SET first_outreach_by = NULL WHERE first_outreach_by = ?").param(personId)
            .update();
        jdbc.sql("DELETE FROM support_supporter WHERE person_id = ?").param(personId).update();
        jdbc.sql("UPDATE support_settings SET updated_by = NULL WHERE updated_by = ?").param(personId).update();
        if (!jobs.isEmpty()) {
            jdbc.sql("DELETE FROM scheduled_tasks WHERE task_instance IN (:ids)")
                .param("ids", jobs.stream().map(UUID::toString).toList()).update();
        }
    }
}
