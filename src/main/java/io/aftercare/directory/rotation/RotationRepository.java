package io.aftercare.directory.rotation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.aftercare.shared.DbTime;

/** SQL for rotations, their ordered members and overrides. */
@Repository
class RotationRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    RotationRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private record Row(UUID id, UUID teamId, String name, int shiftHours, LocalTime handoff, ZoneId zone,
                       LocalDate startsOn) {
    }

    List<Rotation> ofTeam(UUID teamId) {
        List<Row> rows = jdbc.sql("""
                SELECT id, team_id, name, shift_length_hours, handoff_time, time_zone, starts_on FROM rotation
                WHERE team_id = ? ORDER BY created_at, name, id""").param(teamId)
            .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getInt(4), rs.getObject(5, LocalTime.class), ZoneId.of(rs.getString(6)),
                rs.getObject(7, LocalDate.class)))
            .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<UUID>> members = new HashMap<>();
        jdbc.sql("""
                SELECT m.rotation_id, m.person_id FROM rotation_member m JOIN rotation r ON r.id = m.rotation_id
                WHERE r.team_id = ? ORDER BY m.rotation_id, m.position""").param(teamId)
            .query((rs, n) -> members.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                .add(rs.getObject(2, UUID.class)))
            .list();
        Map<UUID, List<Rotation.Override>> overrides = new HashMap<>();
        jdbc.sql("""
                SELECT o.rotation_id, o.id, o.person_id, o.starts_at, o.ends_at FROM rotation_override o
                JOIN rotation r ON r.id = o.rotation_id WHERE r.team_id = ? ORDER BY o.starts_at, o.id""")
            .param(teamId)
            .query((rs, n) -> overrides.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                .add(new Rotation.Override(rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                    DbTime.instant(rs, "starts_at"), DbTime.instant(rs, "ends_at"))))
            .list();
        return rows.stream().map(r -> new Rotation(r.id(), r.teamId(), r.name(),
            members.getOrDefault(r.id(), List.of()), r.shiftHours(), r.handoff(), r.zone(), r.startsOn(),
            overrides.getOrDefault(r.id(), List.of()))).toList();
    }

    /** Every rotation the person is a member of or has an override in. */
    List<Rotation> involving(UUID personId) {
        List<UUID> teamIds = jdbc.sql("""
                SELECT DISTINCT r.team_id FROM rotation r
                WHERE EXISTS (SELECT 1 FROM rotation_member m WHERE m.rotation_id = r.id AND m.person_id = ?)
                   OR EXISTS (SELECT 1 FROM rotation_override o WHERE o.rotation_id = r.id AND o.person_id = ?)""")
            .params(personId, personId).query(UUID.class).list();
        List<Rotation> involving = new ArrayList<>();
        for (UUID teamId : teamIds) {
            for (Rotation r : ofTeam(teamId)) {
                if (r.members().contains(personId)
                    || r.overrides().stream().anyMatch(o -> o.personId().equals(personId))) {
                    involving.add(r);
                }
            }
        }
        return involving;
    }

    Optional<Rotation> find(UUID teamId, UUID rotationId) {
        return ofTeam(teamId).stream().filter(r -> r.id().equals(rotationId)).findFirst();
    }

    void insert(Rotation r) {
        jdbc.sql("""
                INSERT INTO rotation (id, team_id, name, shift_length_hours, handoff_time, time_zone, starts_on,
                                      created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(r.id(), r.teamId(), r.name(), r.shiftHours(), r.handoffTime(), r.zone().getId(), r.startsOn(),
                DbTime.toDb(clock.instant()))
            .update();
        insertMembers(r.id(), r.members());
    }

    void update(Rotation r) {
        jdbc.sql("""
                UPDATE rotation SET name = ?, shift_length_hours = ?, handoff_time = ?, time_zone = ?, starts_on = ?
                WHERE id = ?""")
            .params(r.name(), r.shiftHours(), r.handoffTime(), r.zone().getId(), r.startsOn(), r.id())
            .update();
        jdbc.sql("DELETE FROM rotation_member WHERE rotation_id = ?").param(r.id()).update();
        insertMembers(r.id(), r.members());
    }

    private void insertMembers(UUID rotationId, List<UUID> members) {
        for (int i = 0; i < members.size(); i++) {
            jdbc.sql("INSERT INTO rotation_member (rotation_id, position, person_id) VALUES (?, ?, ?)")
                .params(rotationId, i, members.get(i)).update();
        }
    }

    boolean delete(UUID teamId, UUID rotationId) {
        return jdbc.sql("DELETE FROM rotation WHERE id = ? AND team_id = ?").params(rotationId, teamId).update() > 0;
    }

    void insertOverride(UUID rotationId, Rotation.Override o) {
        jdbc.sql("INSERT INTO rotation_override (id, rotation_id, person_id, starts_at, ends_at) VALUES (?, ?, ?, ?, ?)")
            .params(o.id(), rotationId, o.personId(), DbTime.toDb(o.startsAt()), DbTime.toDb(o.endsAt()))
            .update();
    }

    boolean deleteOverride(UUID rotationId, UUID overrideId) {
        return jdbc.sql("DELETE FROM rotation_override WHERE id = ? AND rotation_id = ?")
            .params(overrideId, rotationId).update() > 0;
    }
}
