package io.aftercare.peersupport.nudges;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.aftercare.shared.DbTime;

/** All of tier 1's SQL ({@code support_nudge}); states and relations are bound from their enums. */
@Repository
class NudgeStore {

    /** A nudge waiting for its delivery time. */
    record Due(UUID caseId, UUID about, UUID nudged, NudgeRelation relation, NudgeState state) {
    }

    /** A nudge as its recipient is shown it. */
    record Shown(UUID id, UUID caseId, UUID about, NudgeState state, Instant deliveredAt, Instant reachedOutAt) {
    }

    private final JdbcClient jdbc;

    NudgeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean hasNudges(UUID caseId) {
        return jdbc.sql("SELECT COUNT(*) FROM support_nudge WHERE case_id = ?").param(caseId)
            .query(Long.class).single() > 0;
    }

    /** How many nudges each of these people was given since then (skipped ones count too). */
    Map<UUID, Long> nudgesSince(List<UUID> people, Instant since) {
        if (people.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT nudged_id, COUNT(*) AS n FROM support_nudge WHERE nudged_id IN (:ids) "
                + "AND created_at >= :since GROUP BY nudged_id")
            .param("ids", people).param("since", DbTime.toDb(since))
            .query((rs, i) -> Map.entry(rs.getObject("nudged_id", UUID.class), rs.getLong("n")))
            .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    void insert(UUID id, UUID caseId, UUID about, UUID nudged, NudgeRelation relation, NudgeState state,
                Instant createdAt, Instant deliverAt) {
        jdbc.sql("""
                INSERT INTO support_nudge (id, case_id, about_person_id, nudged_id, relation, status, created_at,
                                           deliver_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(id, caseId, about, nudged, relation.name(), state.name(), DbTime.toDb(createdAt),
                DbTime.toDb(deliverAt))
            .update();
    }

    Optional<Due> findForUpdate(UUID id) {
        return jdbc.sql("SELECT case_id, about_person_id, nudged_id, relation, status FROM support_nudge "
                + "WHERE id = ? FOR UPDATE")
            .param(id)
            .query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                rs.getObject(3, UUID.class), NudgeRelation.valueOf(rs.getString(4)),
                NudgeState.valueOf(rs.getString(5))))
            .optional();
    }

    void setState(UUID id, NudgeState state, Instant deliveredAt) {
        jdbc.sql("UPDATE support_nudge SET status = ?, delivered_at = ? WHERE id = ?")
            .params(state.name(), DbTime.toDb(deliveredAt), id).update();
    }

    /** Withdraws the case's nudges not delivered yet. */
    void withdrawScheduled(UUID caseId) {
        jdbc.sql("UPDATE support_nudge SET status = ? WHERE case_id = ? AND status = ?")
            .params(NudgeState.WITHDRAWN.name(), caseId, NudgeState.SCHEDULED.name()).update();
    }

    /** @return whether the nudge was delivered and is now done (false when it was done already) */
    boolean markDone(UUID id, Instant at) {
        return jdbc.sql("UPDATE support_nudge SET status = ?, reached_out_at = ? WHERE id = ? AND status = ?")
            .params(NudgeState.DONE.name(), DbTime.toDb(at), id, NudgeState.DELIVERED.name()).update() == 1;
    }

    UUID aboutOf(UUID id) {
        return jdbc.sql("SELECT about_person_id FROM support_nudge WHERE id = ?").param(id).query(UUID.class).single();
    }

    /** The recipient's delivered nudges, newest first. */
    List<Shown> shownTo(UUID nudged) {
        return jdbc.sql("""
                SELECT id, case_id, about_person_id, status, delivered_at, reached_out_at FROM support_nudge
                WHERE nudged_id = :me AND status IN (:shown) ORDER BY delivered_at DESC""")
            .param("me", nudged).param("shown", NudgeState.SHOWN.stream().map(Enum::name).toList())
            .query((rs, n) -> new Shown(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                rs.getObject(3, UUID.class), NudgeState.valueOf(rs.getString(4)), DbTime.instant(rs, "delivered_at"),
                DbTime.instant(rs, "reached_out_at")))
            .list();
    }
}
