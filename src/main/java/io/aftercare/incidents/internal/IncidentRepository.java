package io.aftercare.incidents.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.aftercare.incidents.IncidentStatus;
import io.aftercare.incidents.ResponderRole;
import io.aftercare.incidents.Severity;
import io.aftercare.shared.DbTime;
import io.aftercare.shared.TimeOrderedIds;

/**
 * SQL for incidents, their responders and their timeline: every statement about the three tables of one incident, in
 * one place, which is why it runs a little past our usual 300 lines.
 */
@Repository
class IncidentRepository {

    private static final String COLUMNS = "id, title, severity, status, service, team_id, source, external_id, url, "
        + "started_at, acknowledged_at, resolved_at";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    IncidentRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    record Row(UUID id, String title, Severity severity, IncidentStatus status, String service, UUID teamId,
               String source, String externalId, String url, Instant startedAt, Instant acknowledgedAt,
               Instant resolvedAt) {

        Row acknowledged(Instant at) {
            return new Row(id, title, severity, IncidentStatus.ACKNOWLEDGED, service, teamId, source, externalId, url,
                startedAt, at, resolvedAt);
        }
    }

    record ResponderRow(UUID personId, ResponderRole role, Instant joinedAt) {
    }

    void insert(Row r, Instant now) {
        jdbc.sql("""
                INSERT INTO incident (id, title, severity, status, service, team_id, source, external_id, url,
                                      started_at, acknowledged_at, resolved_at, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(r.id(), r.title(), r.severity().name(), r.status().name(), r.service(), r.teamId(), r.source(),
                r.externalId(), r.url(), DbTime.toDb(r.startedAt()), DbTime.toDb(r.acknowledgedAt()),
                DbTime.toDb(r.resolvedAt()), DbTime.toDb(now), DbTime.toDb(now))
            .update();
    }

    void updateDetails(Row r, Instant now) {
        jdbc.sql("""
                UPDATE incident SET title = ?, severity = ?, service = ?, team_id = ?, url = ?, started_at = ?,
                updated_at = ? WHERE id = ?""")
            .params(r.title(), r.severity().name(), r.service(), r.teamId(), r.url(), DbTime.toDb(r.startedAt()),
                DbTime.toDb(now), r.id())
            .update();
    }

    /** @return whether it changed: only a TRIGGERED incident can be acknowledged */
    boolean acknowledge(UUID id, Instant at, Instant now) {
        return jdbc.sql("""
                UPDATE incident SET status = 'ACKNOWLEDGED', acknowledged_at = ?, updated_at = ?
                WHERE id = ? AND status = 'TRIGGERED'""")
            .params(DbTime.toDb(at), DbTime.toDb(now), id).update() == 1;
    }

    /** @return whether it changed: the condition makes two concurrent resolves change it (and announce it) once */
    boolean resolve(UUID id, Instant at, Instant now) {
        return jdbc.sql("""
                UPDATE incident SET status = 'RESOLVED', resolved_at = ?, updated_at = ?
                WHERE id = ? AND status <> 'RESOLVED'""")
            .params(DbTime.toDb(at), DbTime.toDb(now), id).update() == 1;
    }

    Optional<Row> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM incident WHERE id = ?").param(id)
            .query(IncidentRepository::map).optional();
    }

    /** Reads the incident with a row lock, so that changes to one incident happen one after another. */
    Optional<Row> findForUpdate(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM incident WHERE id = ? FOR UPDATE").param(id)
            .query(IncidentRepository::map).optional();
    }

    Optional<Row> findBySource(String source, String externalId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM incident WHERE source = ? AND external_id = ?")
            .params(source, externalId).query(IncidentRepository::map).optional();
    }

    /** As {@link #findBySource}, with a row lock: for recording the same incident again. */
    Optional<Row> findBySourceForUpdate(String source, String externalId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM incident WHERE source = ? AND external_id = ? FOR UPDATE")
            .params(source, externalId).query(IncidentRepository::map).optional();
    }

    List<Row> page(IncidentQuery q, int limit, long offset) {
        Where w = where(q);
        return jdbc.sql("SELECT " + COLUMNS + " FROM incident" + w.sql()
                + " ORDER BY started_at DESC, id LIMIT " + limit + " OFFSET " + offset)
            .params(w.params()).query(IncidentRepository::map).list();
    }

    long count(IncidentQuery q) {
        Where w = where(q);
        return jdbc.sql("SELECT COUNT(*) FROM incident" + w.sql()).params(w.params()).query(Long.class).single();
    }

    private record Where(String sql, List<Object> params) {
    }

    private static Where where(IncidentQuery q) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (q.teamId() != null) {
            conditions.add("team_id = ?");
            params.add(q.teamId());
        }
        if (q.status() != null) {
            conditions.add("status = ?");
            params.add(q.status().name());
        }
        if (q.from() != null) {
            conditions.add("started_at >= ?");
            params.add(DbTime.toDb(q.from()));
        }
        if (q.to() != null) {
            conditions.add("started_at < ?");
            params.add(DbTime.toDb(q.to()));
        }
        return new Where(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), params);
    }

    Map<UUID, List<ResponderRow>> responders(Collection<UUID> incidentIds) {
        Map<UUID, List<ResponderRow>> byIncident = new LinkedHashMap<>();
        if (incidentIds.isEmpty()) {
            return byIncident;
        }
        String in = incidentIds.stream().map(i -> "?").collect(Collectors.joining(","));
        jdbc.sql("SELECT incident_id, person_id, role, joined_at FROM incident_responder WHERE incident_id IN ("
                + in + ") ORDER BY joined_at, person_id")
            .params(List.copyOf(incidentIds))
            .query((rs, n) -> byIncident.computeIfAbsent(rs.getObject("incident_id", UUID.class),
                k -> new ArrayList<>()).add(new ResponderRow(rs.getObject("person_id", UUID.class),
                ResponderRole.valueOf(rs.getString("role")), DbTime.instant(rs, "joined_at"))))
            .list();
        return byIncident;
    }

    Optional<ResponderRole> roleOf(UUID incidentId, UUID personId) {
        return jdbc.sql("SELECT role FROM incident_responder WHERE incident_id = ? AND person_id = ?")
            .params(incidentId, personId).query((rs, n) -> ResponderRole.valueOf(rs.getString(1))).optional();
    }

    void addResponder(UUID incidentId, UUID personId, ResponderRole role, Instant joinedAt) {
        jdbc.sql("INSERT INTO incident_responder (incident_id, person_id, role, joined_at) VALUES (?, ?, ?, ?)")
            .params(incidentId, personId, role.name(), DbTime.toDb(joinedAt)).update();
    }

    void changeRole(UUID incidentId, UUID personId, ResponderRole role) {
        jdbc.sql("UPDATE incident_responder SET role = ? WHERE incident_id = ? AND person_id = ?")
            .params(role.name(), incidentId, personId).update();
    }

    void addTimeline(UUID incidentId, Instant at, TimelineKind kind, String detail, UUID actorId, UUID personId) {
        jdbc.sql("""
                INSERT INTO incident_timeline (id, incident_id, at, kind, detail, actor_id, person_id)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
            .params(TimeOrderedIds.next(), incidentId, DbTime.toDb(at), kind.name(), detail, actorId, personId)
            .update();
    }

    record TimelineRow(Instant at, TimelineKind kind, String detail, UUID actorId, UUID personId) {
    }

    List<TimelineRow> timeline(UUID incidentId) {
        return jdbc.sql("""
                SELECT at, kind, detail, actor_id, person_id FROM incident_timeline
                WHERE incident_id = ? ORDER BY at, seq""")
            .param(incidentId)
            .query((rs, n) -> new TimelineRow(DbTime.instant(rs, "at"), TimelineKind.valueOf(rs.getString("kind")),
                rs.getString("detail"), rs.getObject("actor_id", UUID.class), rs.getObject("person_id", UUID.class)))
            .list();
    }

    private static Row map(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getString("title"), Severity.valueOf(rs.getString("severity")),
            IncidentStatus.valueOf(rs.getString("status")), rs.getString("service"),
            rs.getObject("team_id", UUID.class), rs.getString("source"), rs.getString("external_id"),
            rs.getString("url"), DbTime.instant(rs, "started_at"), DbTime.instant(rs, "acknowledged_at"),
            DbTime.instant(rs, "resolved_at"));
    }

    /**
     * Of the given external ids of one source, those already recorded. The ids are joined as a VALUES list, so that
     * each is one look-up in the (source, external_id) index (an IN list on the index's second column made H2 scan
     * the whole table for every chunk).
     */
    Set<String> knownExternalIds(String source, Collection<String> externalIds) {
        Set<String> known = new HashSet<>();
        List<String> ids = List.copyOf(externalIds);
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            List<Object> params = new ArrayList<>(chunk);
            params.add(source);
            known.addAll(jdbc.sql("SELECT i.external_id FROM (VALUES "
                    + chunk.stream().map(x -> "(CAST(? AS VARCHAR(200)))").collect(Collectors.joining(", "))
                    + ") AS v(external_id) JOIN incident i ON i.external_id = v.external_id AND i.source = ?")
                .params(params).query(String.class).list());
        }
        return known;
    }

    /** Binds one row's values from parameter {@code first} on. */
    @FunctionalInterface
    private interface Binder<T> {
        void bind(PreparedStatement ps, int first, T row) throws SQLException;
    }

    /** Rows per INSERT statement: one statement with many VALUES rows is far cheaper than as many statements. */
    private static final int ROWS_PER_STATEMENT = 100;

    private <T> void insertMany(String into, int width, List<T> rows, Binder<T> binder) {
        String one = "(" + String.join(", ", Collections.nCopies(width, "?")) + ")";
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            List<T> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
            String sql = into + " VALUES " + String.join(", ", Collections.nCopies(chunk.size(), one));
            batch.update(sql, ps -> {
                for (int i = 0; i < chunk.size(); i++) {
                    binder.bind(ps, i * width + 1, chunk.get(i));
                }
            });
        }
    }

    /** Inserts many incidents at once (history import). */
    void insertAll(List<Row> rows, Instant now) {
        insertMany("""
                INSERT INTO incident (id, title, severity, status, service, team_id, source, external_id, url,
                                      started_at, acknowledged_at, resolved_at, created_at, updated_at)""", 14, rows,
            (ps, i, r) -> {
                ps.setObject(i, r.id());
                ps.setString(i + 1, r.title());
                ps.setString(i + 2, r.severity().name());
                ps.setString(i + 3, r.status().name());
                ps.setString(i + 4, r.service());
                ps.setObject(i + 5, r.teamId());
                ps.setString(i + 6, r.source());
                ps.setString(i + 7, r.externalId());
                ps.setString(i + 8, r.url());
                ps.setObject(i + 9, DbTime.toDb(r.startedAt()));
                ps.setObject(i + 10, DbTime.toDb(r.acknowledgedAt()));
                ps.setObject(i + 11, DbTime.toDb(r.resolvedAt()));
                ps.setObject(i + 12, DbTime.toDb(now));
                ps.setObject(i + 13, DbTime.toDb(now));
            });
    }

    record NewResponderRow(UUID incidentId, UUID personId, ResponderRole role, Instant joinedAt) {
    }

    void addRespondersAll(List<NewResponderRow> rows) {
        insertMany("INSERT INTO incident_responder (incident_id, person_id, role, joined_at)", 4, rows,
            (ps, i, r) -> {
                ps.setObject(i, r.incidentId());
                ps.setObject(i + 1, r.personId());
                ps.setString(i + 2, r.role().name());
                ps.setObject(i + 3, DbTime.toDb(r.joinedAt()));
            });
    }

    record NewTimelineRow(UUID incidentId, Instant at, TimelineKind kind, String detail, UUID personId) {
    }

    void addTimelineAll(List<NewTimelineRow> rows) {
        insertMany("INSERT INTO incident_timeline (id, incident_id, at, kind, detail, person_id)", 6, rows,
            (ps, i, r) -> {
                ps.setObject(i, TimeOrderedIds.next());
                ps.setObject(i + 1, r.incidentId());
                ps.setObject(i + 2, DbTime.toDb(r.at()));
                ps.setString(i + 3, r.kind().name());
                ps.setString(i + 4, r.detail());
                ps.setObject(i + 5, r.personId());
            });
    }
}
