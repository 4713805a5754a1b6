package io.aftercare.recovery.plans;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.aftercare.shared.DbTime;

/** SQL for plans; every read and write names the person, so another person's plan is never found. */
@Repository
class PlanRepository {

    private static final String COLUMNS = "id, team_id, shift_starts_at, shift_ends_at, kind, colleague_id, "
        + "shared_at, created_at, updated_at";

    private static final RowMapper<Plan> ROW = (rs, n) -> new Plan(rs.getObject("id", UUID.class),
        rs.getObject("team_id", UUID.class), DbTime.instant(rs, "shift_starts_at"), DbTime.instant(rs, "shift_ends_at"),
        PlanKind.valueOf(rs.getString("kind")), rs.getObject("colleague_id", UUID.class), null,
        rs.getObject("shared_at") != null, DbTime.instant(rs, "shared_at"), DbTime.instant(rs, "created_at"),
        DbTime.instant(rs, "updated_at"));

    private final JdbcClient jdbc;

    PlanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Plan> of(UUID personId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM recovery_plan WHERE person_id = ? ORDER BY shift_starts_at, id")
            .param(personId).query(ROW).list();
    }

    Optional<Plan> find(UUID personId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM recovery_plan WHERE person_id = ? AND id = ?")
            .params(personId, id).query(ROW).optional();
    }

    boolean existsFor(UUID personId, java.time.Instant shiftStartsAt) {
        return jdbc.sql("SELECT COUNT(*) FROM recovery_plan WHERE person_id = ? AND shift_starts_at = ?")
            .params(personId, DbTime.toDb(shiftStartsAt)).query(Long.class).single() > 0;
    }

    void insert(UUID personId, Plan p) {
        jdbc.sql("INSERT INTO recovery_plan (" + COLUMNS + ", person_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .params(p.id(), p.teamId(), DbTime.toDb(p.shiftStartsAt()), DbTime.toDb(p.shiftEndsAt()), p.kind().name(),
                p.colleagueId(), p.sharedAt() == null ? null : DbTime.toDb(p.sharedAt()), DbTime.toDb(p.createdAt()), DbTime.toDb(p.updatedAt()), personId)
            .update();
    }

    void update(UUID personId, Plan p) {
        jdbc.sql("""
                UPDATE recovery_plan SET kind = ?, colleague_id = ?, shared_at = ?, updated_at = ?
                WHERE person_id = ? AND id = ?""")
            .params(p.kind().name(), p.colleagueId(), p.sharedAt() == null ? null : DbTime.toDb(p.sharedAt()),
                DbTime.toDb(p.updatedAt()), personId, p.id())
            .update();
    }

    /** When the plan's reminder goes out (null: none); a new time is a new reminder. */
    void remindAt(UUID personId, UUID id, java.time.Instant at) {
        jdbc.sql("UPDATE recovery_plan SET remind_at = ?, reminded_at = NULL WHERE person_id = ? AND id = ?")
            .params(at == null ? null : DbTime.toDb(at), personId, id).update();
    }

    /** Plans whose reminder is due and not yet sent: (plan id, person id). */
    List<UUID[]> dueReminders(java.time.Instant now, int limit) {
        return jdbc.sql("""
                SELECT id, person_id FROM recovery_plan WHERE remind_at <= ? AND reminded_at IS NULL
                ORDER BY remind_at LIMIT ?""")
            .params(DbTime.toDb(now), limit)
            .query((rs, n) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)}).list();
    }

    /** Marks the reminder sent; false when another instance already did. */
    boolean markReminded(UUID id, java.time.Instant now) {
        return jdbc.sql("UPDATE recovery_plan SET reminded_at = ? WHERE id = ? AND reminded_at IS NULL")
            .params(DbTime.toDb(now), id).update() > 0;
    }

    /**
     * The plans shared with a team's leads whose shift has not ended yet, by start: (person id, plan). Plans not
     * shared are never read here.
     */
    List<Map.Entry<UUID, Plan>> sharedFor(UUID teamId, java.time.Instant now) {
        return jdbc.sql("SELECT person_id, " + COLUMNS + """
                 FROM recovery_plan WHERE team_id = ? AND shared_at IS NOT NULL AND shift_ends_at > ?
                ORDER BY shift_starts_at, id""")
            .params(teamId, DbTime.toDb(now))
            .query((rs, n) -> Map.entry(rs.getObject("person_id", UUID.class), ROW.mapRow(rs, n))).list();
    }

    boolean delete(UUID personId, UUID id) {
        return jdbc.sql("DELETE FROM recovery_plan WHERE person_id = ? AND id = ?").params(personId, id).update() > 0;
    }

    void deleteAll(UUID personId) {
        jdbc.sql("DELETE FROM recovery_plan WHERE person_id = ?").param(personId).update();
    }
}
