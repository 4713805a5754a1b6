package io.aftercare.directory.team;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.aftercare.directory.TeamRef;
import io.aftercare.shared.DbTime;
import io.aftercare.shared.Page;
import io.aftercare.shared.PageRequest;

/** SQL for teams and their members. */
@Repository
public class TeamRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    TeamRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public boolean exists(UUID id) {
        return jdbc.sql("SELECT COUNT(*) FROM team WHERE id = ?").param(id).query(Long.class).single() > 0;
    }

    public boolean nameTaken(String name, UUID except) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM team WHERE name_normalized = ? AND (CAST(? AS UUID) IS NULL OR id <> ?)""")
            .params(normalize(name), except, except).query(Long.class).single() > 0;
    }

    public void insert(UUID id, String name) {
        jdbc.sql("INSERT INTO team (id, name, name_normalized, created_at) VALUES (?, ?, ?, ?)")
            .params(id, name.trim(), normalize(name), DbTime.toDb(clock.instant())).update();
    }

    public void rename(UUID id, String name) {
        jdbc.sql("UPDATE team SET name = ?, name_normalized = ? WHERE id = ?")
            .params(name.trim(), normalize(name), id).update();
    }

    public boolean delete(UUID id) {
        return jdbc.sql("DELETE FROM team WHERE id = ?").param(id).update() > 0;
    }

    public Page<TeamRef> page(PageRequest request) {
        long total = jdbc.sql("SELECT COUNT(*) FROM team").query(Long.class).single();
        List<TeamRef> items = jdbc.sql("SELECT id, name FROM team ORDER BY name_normalized, id LIMIT ? OFFSET ?")
            .params(request.size(), request.offset())
            .query((rs, n) -> new TeamRef(rs.getObject(1, UUID.class), rs.getString(2), List.of(), List.of()))
            .list().stream().map(t -> withMembers(t.id(), t.name())).toList();
        return new Page<>(items, request.page(), request.size(), total);
    }

    /** Every team, by name, without members (for pick lists). */
    public List<TeamRef> names() {
        return jdbc.sql("SELECT id, name FROM team ORDER BY name_normalized, id")
            .query((rs, n) -> new TeamRef(rs.getObject(1, UUID.class), rs.getString(2), List.of(), List.of()))
            .list();
    }

    public boolean isLead(UUID teamId, UUID personId) {
        return jdbc.sql("SELECT COUNT(*) FROM team_member WHERE team_id = ? AND person_id = ? AND is_lead = TRUE")
            .params(teamId, personId).query(Long.class).single() > 0;
    }

    /** Makes exactly these people the team's members, the leads among them marked (leads are members too). */
    public void setMembers(UUID teamId, Collection<UUID> members, Collection<UUID> leads) {
        Set<UUID> all = new LinkedHashSet<>(members);
        all.addAll(leads);
        List<UUID> current = jdbc.sql("SELECT person_id FROM team_member WHERE team_id = ?").param(teamId)
            .query(UUID.class).list();
        for (UUID person : current) {
            if (!all.contains(person)) {
                jdbc.sql("DELETE FROM team_member WHERE team_id = ? AND person_id = ?").params(teamId, person)
                    .update();
            }
        }
        for (UUID person : all) {
            boolean lead = leads.contains(person);
            if (current.contains(person)) {
                jdbc.sql("UPDATE team_member SET is_lead = ? WHERE team_id = ? AND person_id = ?")
                    .params(lead, teamId, person).update();
            } else {
                jdbc.sql("INSERT INTO team_member (team_id, person_id, is_lead, joined_at) VALUES (?, ?, ?, ?)")
                    .params(teamId, person, lead, DbTime.toDb(clock.instant())).update();
            }
        }
    }

    /** Adds one member (or makes them a lead when {@code lead}); an existing lead stays a lead. */
    public void addMember(UUID teamId, UUID personId, boolean lead) {
        int updated = jdbc.sql("UPDATE team_member SET is_lead = (is_lead OR ?) WHERE team_id = ? AND person_id = ?")
            .params(lead, teamId, personId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO team_member (team_id, person_id, is_lead, joined_at) VALUES (?, ?, ?, ?)")
                .params(teamId, personId, lead, DbTime.toDb(clock.instant())).update();
        }
    }

    /** Makes exactly these teams the person's; they stay lead in the teams they keep. */
    public void setTeamsOf(UUID personId, Collection<UUID> teamIds) {
        List<UUID> current = jdbc.sql("SELECT team_id FROM team_member WHERE person_id = ?").param(personId)
            .query(UUID.class).list();
        for (UUID team : current) {
            if (!teamIds.contains(team)) {
                jdbc.sql("DELETE FROM team_member WHERE team_id = ? AND person_id = ?").params(team, personId)
                    .update();
            }
        }
        for (UUID team : new LinkedHashSet<>(teamIds)) {
            if (!current.contains(team)) {
                addMember(team, personId, false);
            }
        }
    }

    /** The ids of the person's teams, by team name. */
    public List<UUID> teamIdsOf(UUID personId) {
        return jdbc.sql("""
                SELECT t.id FROM team t JOIN team_member m ON m.team_id = t.id
                WHERE m.person_id = ? ORDER BY t.name_normalized, t.id""").param(personId).query(UUID.class).list();
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
