package io.aftercare.directory.person;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.aftercare.shared.DbTime;
import io.aftercare.shared.PersonalData;

/**
 * The directory's part of a person's data: their profile, external identities, teams and rotations. Erased after
 * every other module's rows (only crypto's destruction of the key comes later): the person row goes, and with it
 * (ON DELETE CASCADE) their identities, team memberships and rotation places; people they managed keep no manager.
 */
@Component
@Order(1000)
class DirectoryPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    DirectoryPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Profile(String name, String email, String timeZone, LocalTime quietStart, LocalTime quietEnd,
                   String weekendDays, UUID managerId, Instant createdAt, Instant updatedAt,
                   Map<String, String> externalIdentities, List<Team> teams, List<String> rotations) {
    }

    record Team(String name, boolean lead, Instant joinedAt) {
    }

    @Override
    public String section() {
        return "profile";
    }

    @Override
    public Object export(UUID personId) {
        Map<String, String> identities = new java.util.TreeMap<>();
        jdbc.sql("SELECT provider, external_id FROM person_identity WHERE person_id = ?").param(personId)
            .query((rs, n) -> identities.put(rs.getString(1), rs.getString(2))).list();
        List<Team> teams = jdbc.sql("""
                SELECT t.name, m.is_lead, m.joined_at FROM team_member m JOIN team t ON t.id = m.team_id
                WHERE m.person_id = ? ORDER BY t.name""")
            .param(personId)
            .query((rs, n) -> new Team(rs.getString(1), rs.getBoolean(2), DbTime.instant(rs, "joined_at"))).list();
        List<String> rotations = jdbc.sql("""
                SELECT DISTINCT r.name FROM rotation r
                WHERE r.id IN (SELECT rotation_id FROM rotation_member WHERE person_id = :p)
                   OR r.id IN (SELECT rotation_id FROM rotation_override WHERE person_id = :p)
                ORDER BY r.name""")
            .param("p", personId).query(String.class).list();
        return jdbc.sql("""
                SELECT name, email, time_zone, quiet_start, quiet_end, weekend_days, manager_id, created_at, updated_at
                FROM person WHERE id = ?""")
            .param(personId)
            .query((rs, n) -> new Profile(rs.getString("name"), rs.getString("email"), rs.getString("time_zone"),
                rs.getObject("quiet_start", LocalTime.class), rs.getObject("quiet_end", LocalTime.class),
                rs.getString("weekend_days"), rs.getObject("manager_id", UUID.class), DbTime.instant(rs, "created_at"),
                DbTime.instant(rs, "updated_at"), identities, teams, rotations))
            .optional().orElse(null);
    }

    @Override
    public void erase(UUID personId) {
        jdbc.sql("UPDATE person SET manager_id = NULL WHERE manager_id = ?").param(personId).update();
        jdbc.sql("DELETE FROM person_identity WHERE person_id = ?").param(personId).update();
        jdbc.sql("DELETE FROM team_member WHERE person_id = ?").param(personId).update();
        jdbc.sql("DELETE FROM rotation_override WHERE person_id = ?").param(personId).update();
        jdbc.sql("DELETE FROM rotation_member WHERE person_id = ?").param(personId).update();
        jdbc.sql("DELETE FROM person WHERE id = ?").param(personId).update();
    }
}
