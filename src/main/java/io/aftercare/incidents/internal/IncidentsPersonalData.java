package io.aftercare.incidents.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.aftercare.shared.DbTime;
import io.aftercare.shared.PersonalData;

/**
 * The incidents' part of a person's data: the incidents they responded to, with their role. Erasing keeps every
 * incident's count of responders: the person's place becomes "a responder" under a fresh id for each incident, which
 * names nobody and cannot be joined across incidents; the timeline keeps its entries without them.
 */
@Component
@Order(400)
class IncidentsPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    IncidentsPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Responded(UUID incidentId, String title, String severity, Instant startedAt, Instant resolvedAt,
                     String role, Instant joinedAt) {
    }

    @Override
    public String section() {
        return "incidents";
    }

    @Override
    public Object export(UUID personId) {
        return jdbc.sql("""
                SELECT i.id, i.title, i.severity, i.started_at, i.resolved_at, r.role, r.joined_at
                FROM incident_responder r JOIN incident i ON i.id = r.incident_id
                WHERE r.person_id = ? ORDER BY i.started_at""")
            .param(personId)
            .query((rs, n) -> new Responded(rs.getObject("id", UUID.class), rs.getString("title"),
                rs.getString("severity"), DbTime.instant(rs, "started_at"), DbTime.instant(rs, "resolved_at"),
                rs.getString("role"), DbTime.instant(rs, "joined_at")))
            .list();
    }

    @Override
    public void erase(UUID personId) {
        List<UUID> incidents = jdbc.sql("SELECT incident_id FROM incident_responder WHERE person_id = ?")
            .param(personId).query(UUID.class).list();
        for (UUID incident : incidents) {
            jdbc.sql("UPDATE incident_responder SET person_id = ? WHERE incident_id = ? AND person_id = ?")
                .params(UUID.randomUUID(), incident, personId).update();
        }
        jdbc.sql("UPDATE incident_timeline SET person_id = NULL WHERE person_id = ?").param(personId).update();
        jdbc.sql("UPDATE incident_timeline SET actor_id = NULL WHERE actor_id = ?").param(personId).update();
    }
}
