package io.aftercare.directory.team;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.aftercare.directory.TeamRef;

/** SQL for teams and their members. */
@Repository
public class TeamRepository {

    private final JdbcClient jdbc;

    TeamRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static String normalize(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    public Optional<TeamRef> find(UUID id) {
        return jdbc.sql("SELECT id, name FROM team WHERE id = ?").param(id)
            .query((rs, n) -> withMembers(rs.getObject(1, UUID.class), rs.getString(2))).optional();
    }

    public Optional<TeamRef> findByName(String name) {
        return jdbc.sql("SELECT id, name FROM team WHERE name_normalized = ?").param(normalize(name))
            .query((rs, n) -> withMembers(rs.getObject(1, UUID.class), rs.getString(2))).optional();
    }

    public List<TeamRef> teamsOf(UUID personId) {
        return jdbc.sql("""
                SELECT t.id, t.name FROM team t JOIN team_member m ON m.team_id = t.id
                WHERE m.person_id = ? ORDER BY t.name""").param(personId)
            .query((rs, n) -> withMembers(rs.getObject(1, UUID.class), rs.getString(2))).list();
    }

    private TeamRef withMembers(UUID id, String name) {
        List<UUID> leads = new ArrayList<>();
        List<UUID> members = new ArrayList<>();
        jdbc.sql("""
                SELECT m.person_id, m.is_lead FROM team_member m JOIN person p ON p.id = m.person_id
                WHERE m.team_id = ? ORDER BY p.name""").param(id)
            .query((rs, n) -> {
                UUID person = rs.getObject(1, UUID.class);
                members.add(person);
                if (rs.getBoolean(2)) {
                    leads.add(person);
                }
                return person;
            }).list();
        return new TeamRef(id, name, leads, members);
    }
}
