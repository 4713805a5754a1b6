package io.aftercare.peersupport.requests;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.aftercare.shared.DbTime;

/**
 * All of tier 2's SQL: requests ({@code support_request}), each supporter's turn with one
 * ({@code support_assignment}) and what coordinators are shown about them ({@code support_notice}). States are
 * bound as parameters from their enums, never written into the statements.
 */
@Repository
class SupportRequestStore {

    /** A request as stored; {@code note} is the ciphertext of what the person told their supporter. */
    record Row(UUID id, UUID personId, UUID caseId, RequestOrigin origin, RequestStatus status, UUID supporterId,
               UUID assignmentId, byte[] note, boolean shareIncident, Instant requestedAt, Instant acknowledgedAt,
               Instant contactMadeAt, Instant closedAt) {
    }

    /** A request waiting with nobody eligible: when it was asked and how many supporters it was offered to. */
    record WaitingRow(UUID id, Instant requestedAt, int tried) {
    }

    /** An acknowledged request whose contact deadline passed. */
    record OverdueRow(UUID id, UUID supporterId, Instant acknowledgedAt) {
    }

    private final JdbcClient jdbc;

    SupportRequestStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---------------------------------------------------------------- requests

    /**
     * The person's open request, if any. Read as a list, not a stream: outside a transaction (the offer check) an
     * unclosed stream would keep its connection from the pool.
     */
    Optional<UUID> openOf(UUID personId) {
        return jdbc.sql("SELECT id FROM support_request WHERE person_id = ? AND status <> ?")
            .params(personId, RequestStatus.CLOSED.name()).query(UUID.class).list().stream().findFirst();
    }

    void insert(UUID id, UUID personId, UUID caseId, RequestOrigin origin, byte[] note, boolean shareIncident,
                UUID answerId, Instant at) {
        jdbc.sql("""
                INSERT INTO support_request (id, person_id, case_id, origin, status, note_ciphertext, share_incident,
                                             answer_id, requested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(id, personId, caseId, origin.name(), RequestStatus.UNASSIGNED.name(), note, shareIncident,
                answerId, DbTime.toDb(at))
            .update();
    }

    /** The request a check-in answer made (or was recorded on), open or closed. */
    Optional<UUID> byAnswer(UUID answerId) {
        return jdbc.sql("SELECT id FROM support_request WHERE answer_id = ?").param(answerId).query(UUID.class)
            .optional();
    }

    /** Records a check-in answer on the request that was already open when it asked. */
    void rememberAnswer(UUID requestId, UUID answerId) {
        jdbc.sql("UPDATE support_request SET answer_id = ? WHERE id = ? AND answer_id IS NULL")
            .params(answerId, requestId).update();
    }

    Optional<Row> findForUpdate(UUID id) {
        return jdbc.sql("SELECT * FROM support_request WHERE id = ? FOR UPDATE").param(id)
            .query((rs, n) -> row(rs)).optional();
    }

    Optional<Row> findByAssignmentForUpdate(UUID assignmentId) {
        return jdbc.sql("SELECT * FROM support_request WHERE assignment_id = ? FOR UPDATE").param(assignmentId)
            .query((rs, n) -> row(rs)).optional();
    }

    /** A request assigned to this supporter now. */
    Optional<Row> assignedTo(UUID supporterId, UUID id) {
        return jdbc.sql("SELECT * FROM support_request WHERE id = ? AND supporter_id = ?").params(id, supporterId)
            .query((rs, n) -> row(rs)).optional();
    }

    /** Every request assigned to this supporter now, newest first. */
    List<Row> assignedTo(UUID supporterId) {
        return jdbc.sql("SELECT * FROM support_request WHERE supporter_id = ? ORDER BY requested_at DESC")
            .param(supporterId).query((rs, n) -> row(rs)).list();
    }

    Optional<Row> own(UUID personId, UUID id) {
        return jdbc.sql("SELECT * FROM support_request WHERE id = ? AND person_id = ?").params(id, personId)
            .query((rs, n) -> row(rs)).optional();
    }

    /** The person's own requests, newest first. */
    List<Row> own(UUID personId) {
        return jdbc.sql("SELECT * FROM support_request WHERE person_id = ? ORDER BY requested_at DESC")
            .param(personId).query((rs, n) -> row(rs)).list();
    }

    /**
     * A request from the past in the shape a live one ends in: asked on their own, acknowledged by the supporter who
     * was assigned it, contact made, closed by the supporter; its one assignment acknowledged.
     */
    /** A request of the past, closed by its supporter: from a check-in when {@code caseId} is given, else self. */
    void insertPast(UUID id, UUID personId, UUID caseId, UUID supporterId, UUID assignmentId, Instant requestedAt,
                    Instant acknowledgeBy, Instant acknowledgedAt, Instant contactMadeAt, Instant closedAt) {
        jdbc.sql("""
                INSERT INTO support_request (id, person_id, case_id, origin, status, supporter_id, assignment_id,
                                             note_ciphertext, share_incident, requested_at, acknowledged_at,
                                             contact_made_at, closed_at, closed_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, NULL, FALSE, ?, ?, ?, ?, ?)""")
            .params(id, personId, caseId, (caseId == null ? RequestOrigin.SELF : RequestOrigin.CHECK_IN).name(), RequestStatus.CLOSED.name(), supporterId, assignmentId,
                DbTime.toDb(requestedAt), DbTime.toDb(acknowledgedAt), DbTime.toDb(contactMadeAt),
                DbTime.toDb(closedAt), ClosedBy.SUPPORTER.name())
            .update();
        jdbc.sql("""
                INSERT INTO support_assignment (id, request_id, supporter_id, assigned_at, ack_due_at, outcome, ended_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
            .params(assignmentId, id, supporterId, DbTime.toDb(requestedAt), DbTime.toDb(acknowledgeBy),
                AssignmentOutcome.ACKNOWLEDGED.name(), DbTime.toDb(acknowledgedAt))
            .update();
    }

    void markUnassigned(UUID id) {
        jdbc.sql("UPDATE support_request SET status = ?, supporter_id = NULL, assignment_id = NULL WHERE id = ?")
            .params(RequestStatus.UNASSIGNED.name(), id).update();
    }

    void markAssigned(UUID id, UUID supporterId, UUID assignmentId) {
        jdbc.sql("UPDATE support_request SET status = ?, supporter_id = ?, assignment_id = ? WHERE id = ?")
            .params(RequestStatus.ASSIGNED.name(), supporterId, assignmentId, id).update();
    }

    void markAcknowledged(UUID id, Instant at) {
        jdbc.sql("UPDATE support_request SET status = ?, acknowledged_at = ? WHERE id = ?")
            .params(RequestStatus.ACKNOWLEDGED.name(), DbTime.toDb(at), id).update();
    }

    void markContactMade(UUID id, Instant at) {
        jdbc.sql("UPDATE support_request SET status = ?, contact_made_at = ? WHERE id = ?")
            .params(RequestStatus.CONTACT_MADE.name(), DbTime.toDb(at), id).update();
    }

    /** Closes the request unless it is closed already. */
    void close(UUID id, ClosedBy by, Instant at) {
        jdbc.sql("UPDATE support_request SET status = ?, closed_at = ?, closed_by = ? WHERE id = ? AND status <> ?")
            .params(RequestStatus.CLOSED.name(), DbTime.toDb(at), by.name(), id, RequestStatus.CLOSED.name())
            .update();
    }

    /** Requests the supporter holds now (assigned, acknowledged, contact made). */
    int load(UUID supporterId) {
        return jdbc.sql("SELECT COUNT(*) FROM support_request WHERE supporter_id = :s AND status IN (:held)")
            .param("s", supporterId).param("held", RequestStatus.HELD.stream().map(Enum::name).toList())
            .query(Long.class).single().intValue();
    }

    // ---------------------------------------------------------------- assignments

    void insertAssignment(UUID id, UUID requestId, UUID supporterId, Instant at, Instant acknowledgeBy) {
        jdbc.sql("""
                INSERT INTO support_assignment (id, request_id, supporter_id, assigned_at, ack_due_at, outcome)
                VALUES (?, ?, ?, ?, ?, ?)""")
            .params(id, requestId, supporterId, DbTime.toDb(at), DbTime.toDb(acknowledgeBy),
                AssignmentOutcome.PENDING.name())
            .update();
    }

    void endAssignment(UUID id, AssignmentOutcome outcome, Instant at) {
        jdbc.sql("UPDATE support_assignment SET outcome = ?, ended_at = ? WHERE id = ?")
            .params(outcome.name(), DbTime.toDb(at), id).update();
    }

    Optional<Instant> acknowledgeBy(UUID assignmentId) {
        return jdbc.sql("SELECT ack_due_at FROM support_assignment WHERE id = ?").param(assignmentId)
            .query((rs, n) -> DbTime.instant(rs, "ack_due_at")).optional();
    }

    /** Assignments made to the supporter since then. */
    int assignedSince(UUID supporterId, Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM support_assignment WHERE supporter_id = ? AND assigned_at >= ?")
            .params(supporterId, DbTime.toDb(since)).query(Long.class).single().intValue();
    }

    /** Every supporter the request was offered to. */
    List<UUID> supportersTried(UUID requestId) {
        return jdbc.sql("SELECT supporter_id FROM support_assignment WHERE request_id = ?").param(requestId)
            .query(UUID.class).list();
    }

    /** The supporters the request was offered to whose turn did not end in this outcome. */
    List<UUID> supportersTriedExcept(UUID requestId, AssignmentOutcome outcome) {
        return jdbc.sql("SELECT supporter_id FROM support_assignment WHERE request_id = ? AND outcome <> ?")
            .params(requestId, outcome.name()).query(UUID.class).list();
    }

    // ---------------------------------------------------------------- notices to coordinators

    void addNotice(UUID requestId, NoticeKind kind, Instant at) {
        jdbc.sql("INSERT INTO support_notice (id, request_id, kind, created_at) VALUES (?, ?, ?, ?)")
            .params(UUID.randomUUID(), requestId, kind.name(), DbTime.toDb(at)).update();
    }

    /** Whether such a notice was ever made for the request, resolved or not. */
    boolean hasNotice(UUID requestId, NoticeKind kind) {
        return jdbc.sql("SELECT COUNT(*) FROM support_notice WHERE request_id = ? AND kind = ?")
            .params(requestId, kind.name()).query(Long.class).single() > 0;
    }

    boolean hasOpenNotice(UUID requestId, NoticeKind kind) {
        return jdbc.sql("SELECT COUNT(*) FROM support_notice WHERE request_id = ? AND kind = ? AND resolved_at IS NULL")
            .params(requestId, kind.name()).query(Long.class).single() > 0;
    }

    /** Whether coordinators were told of the request's open notice of this kind. */
    boolean toldOfOpenNotice(UUID requestId, NoticeKind kind) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM support_notice WHERE request_id = ? AND kind = ? AND resolved_at IS NULL
                  AND told_at IS NOT NULL""")
            .params(requestId, kind.name()).query(Long.class).single() > 0;
    }

    void resolveNotices(UUID requestId, Instant at) {
        jdbc.sql("UPDATE support_notice SET resolved_at = ? WHERE request_id = ? AND resolved_at IS NULL")
            .params(DbTime.toDb(at), requestId).update();
    }

    void resolveNotices(UUID requestId, NoticeKind kind, Instant at) {
        jdbc.sql("UPDATE support_notice SET resolved_at = ? WHERE request_id = ? AND kind = ? AND resolved_at IS NULL")
            .params(DbTime.toDb(at), requestId, kind.name()).update();
    }

    void deleteOpenNotices(UUID requestId) {
        jdbc.sql("DELETE FROM support_notice WHERE request_id = ? AND resolved_at IS NULL").param(requestId).update();
    }

    void markOpenNoticesTold(UUID requestId, Instant at) {
        jdbc.sql("UPDATE support_notice SET told_at = ? WHERE request_id = ? AND resolved_at IS NULL")
            .params(DbTime.toDb(at), requestId).update();
    }

    /**
     * Marks as told every open nobody-eligible notice of a request still waiting that coordinators were not told of.
     *
     * @return how many there were
     */
    int tellWaiting(Instant at) {
        return jdbc.sql("""
                UPDATE support_notice SET told_at = ? WHERE kind = ? AND resolved_at IS NULL AND told_at IS NULL
                  AND request_id IN (SELECT id FROM support_request WHERE status = ?)""")
            .params(DbTime.toDb(at), NoticeKind.NOBODY_ELIGIBLE.name(), RequestStatus.UNASSIGNED.name()).update();
    }

    /** Requests waiting with nobody eligible, in no particular order. */
    List<WaitingRow> waiting() {
        return jdbc.sql("""
                SELECT r.id, r.requested_at, (SELECT COUNT(DISTINCT a.supporter_id) FROM support_assignment a
                    WHERE a.request_id = r.id) AS tried FROM support_request r
                WHERE r.status = :status AND EXISTS (SELECT 1 FROM support_notice n
                    WHERE n.request_id = r.id AND n.resolved_at IS NULL AND n.kind = :kind)""")
            .param("status", RequestStatus.UNASSIGNED.name()).param("kind", NoticeKind.NOBODY_ELIGIBLE.name())
            .query((rs, n) -> new WaitingRow(rs.getObject(1, UUID.class), DbTime.instant(rs, "requested_at"),
                rs.getInt(3)))
            .list();
    }

    /** Acknowledged requests with an open contact-overdue notice, in no particular order. */
    List<OverdueRow> overdue() {
        return jdbc.sql("""
                SELECT r.id, r.supporter_id, r.acknowledged_at FROM support_request r
                JOIN support_notice n ON n.request_id = r.id AND n.resolved_at IS NULL AND n.kind = ?
                WHERE r.status = ?""")
            .params(NoticeKind.CONTACT_OVERDUE.name(), RequestStatus.ACKNOWLEDGED.name())
            .query((rs, n) -> new OverdueRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                DbTime.instant(rs, "acknowledged_at")))
            .list();
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
            rs.getObject("case_id", UUID.class), RequestOrigin.valueOf(rs.getString("origin")),
            RequestStatus.valueOf(rs.getString("status")), rs.getObject("supporter_id", UUID.class),
            rs.getObject("assignment_id", UUID.class), rs.getBytes("note_ciphertext"),
            rs.getBoolean("share_incident"), DbTime.instant(rs, "requested_at"),
            DbTime.instant(rs, "acknowledged_at"), DbTime.instant(rs, "contact_made_at"),
            DbTime.instant(rs, "closed_at"));
    }
}
