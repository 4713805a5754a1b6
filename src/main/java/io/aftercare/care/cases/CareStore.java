package io.aftercare.care.cases;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.aftercare.care.CareHistory.PastCase;
import io.aftercare.care.cases.CareViews.CaseView;
import io.aftercare.care.cases.CareViews.IncidentView;
import io.aftercare.care.cases.CareViews.SuggestionView;
import io.aftercare.shared.DbTime;

/**
 * SQL for care cases and the incidents they are about, who opted out, and leads' suggestions; {@link StepStore} holds
 * the SQL of the cases' steps, answers and links. States are bound as parameters from their enums, never written into
 * the statements.
 */
@Repository
class CareStore {

    private static final String INSERT_CASE = """
            INSERT INTO care_case (id, person_id, origin, stage, muted, opened_at, last_resolved_at)
            VALUES (?, ?, ?, ?, FALSE, ?, ?)""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    CareStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    // ---------------------------------------------------------------- opening

    Set<UUID> optedOutAmong(List<UUID> ids) {
        return Set.copyOf(jdbc.sql("SELECT person_id FROM care_person WHERE opted_out AND person_id IN (:ids)")
            .param("ids", ids).query(UUID.class).list());
    }

    Set<UUID> alreadyInIncident(UUID incidentId, List<UUID> ids) {
        return Set.copyOf(jdbc.sql("""
                SELECT person_id FROM care_case_incident WHERE incident_id = :incident AND person_id IN (:ids)""")
            .param("incident", incidentId).param("ids", ids).query(UUID.class).list());
    }

    /** Each person's open incident case whose last incident resolved at or after {@code since}: the newest. */
    /** Buckets of {@code care_opening_lock} (V220): a person's id always falls in the same one. */
    static final int OPENING_LOCK_BUCKETS = 256;

    /**
     * Takes the opening locks of these people's buckets until the transaction ends, in the buckets' order so that two
     * transactions never wait on each other crosswise. Whoever opens care for the same person at the same time waits,
     * then sees the case this transaction opens.
     */
    void lockOpeningFor(Collection<UUID> people) {
        Set<Integer> buckets = new TreeSet<>();
        people.forEach(p -> buckets.add(Math.floorMod(p.hashCode(), OPENING_LOCK_BUCKETS)));
        if (buckets.isEmpty()) {
            return;
        }
        jdbc.sql("SELECT bucket FROM care_opening_lock WHERE bucket IN (:buckets) ORDER BY bucket FOR UPDATE")
            .param("buckets", buckets).query(Integer.class).list();
    }

    Map<UUID, UUID> joinableCases(List<UUID> ids, Instant since) {
        Map<UUID, UUID> joinable = new HashMap<>();
        jdbc.sql("""
                SELECT id, person_id FROM care_case WHERE person_id IN (:ids) AND origin = :origin AND stage <> :closed
                  AND last_resolved_at >= :since ORDER BY last_resolved_at DESC""")
            .param("ids", ids).param("origin", CaseOrigin.INCIDENT.name()).param("closed", CaseStage.CLOSED.name())
            .param("since", DbTime.toDb(since))
            .query((ResultSet rs) -> {
                joinable.putIfAbsent(rs.getObject("person_id", UUID.class), rs.getObject("id", UUID.class));
            });
        return joinable;
    }

    record NewCase(UUID id, UUID personId, CaseOrigin origin, Instant openedAt, Instant lastResolvedAt) {
    }

    void insertCases(List<NewCase> cases) {
        batch(INSERT_CASE, cases.stream().map(c -> new Object[] {c.id(), c.personId(), c.origin().name(),
            CaseStage.OPENED.name(), DbTime.toDb(c.openedAt()), DbTime.toDb(c.lastResolvedAt())}).toList());
    }

    /** The teams each new case's person is in as it opens (rule 8: a membership snapshot for team figures). */
    void insertCaseTeams(Map<UUID, List<UUID>> teamsByCase) {
        List<Object[]> rows = new ArrayList<>();
        teamsByCase.forEach((caseId, teams) -> teams.stream().distinct()
            .forEach(team -> rows.add(new Object[] {caseId, team})));
        batch("INSERT INTO care_case_team (case_id, team_id) VALUES (?, ?)", rows);
    }

    /** Joined cases remember their latest incident's resolution (the merge window counts from it). */
    void resolvedAgain(List<UUID> caseIds, Instant resolvedAt) {
        batch("UPDATE care_case SET last_resolved_at = ? WHERE id = ? AND last_resolved_at < ?", caseIds.stream()
            .map(id -> new Object[] {DbTime.toDb(resolvedAt), id, DbTime.toDb(resolvedAt)}).toList());
    }

    record CaseIncident(UUID caseId, UUID personId, UUID incidentId, String title, String severity, String role,
                        Instant startedAt, Instant resolvedAt, String reasons) {
    }

    void insertCaseIncidents(List<CaseIncident> rows) {
        batch("""
                INSERT INTO care_case_incident (case_id, person_id, incident_id, title, severity, role, started_at,
                                                resolved_at, reasons) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            rows.stream().map(r -> new Object[] {r.caseId(), r.personId(), r.incidentId(), r.title(), r.severity(),
                r.role(), DbTime.toDb(r.startedAt()), DbTime.toDb(r.resolvedAt()), r.reasons()}).toList());
    }

    /** A case opened long after its incident (care replayed from history) was opened when the incident resolved. */
    void backdateOpening(List<UUID> caseIds, Instant at) {
        jdbc.sql("UPDATE care_case SET opened_at = :at WHERE id IN (:ids) AND opened_at > :at")
            .param("at", DbTime.toDb(at)).param("ids", caseIds).update();
    }

    /** Whose each case is and when it was opened, in the order given (for care replayed from the past). */
    List<PastCase> pastCases(List<UUID> caseIds) {
        Map<UUID, PastCase> byId = new HashMap<>();
        jdbc.sql("SELECT id, person_id, opened_at FROM care_case WHERE id IN (:ids)").param("ids", caseIds)
            .query((ResultSet rs) -> {
                UUID id = rs.getObject("id", UUID.class);
                byId.put(id, new PastCase(id, rs.getObject("person_id", UUID.class),
                    DbTime.instant(rs, "opened_at")));
            });
        return caseIds.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    // ---------------------------------------------------------------- cases

    Optional<CaseStage> stage(UUID caseId) {
        return jdbc.sql("SELECT stage FROM care_case WHERE id = ?").param(caseId).query(String.class).optional()
            .map(CaseStage::valueOf);
    }

    /** Moves the case on to {@code to} if it is in one of {@code from}. */
    void advance(UUID caseId, CaseStage to, CaseStage... from) {
        jdbc.sql("UPDATE care_case SET stage = :to WHERE id = :id AND stage IN (:from)")
            .param("to", to.name()).param("id", caseId)
            .param("from", Arrays.stream(from).map(Enum::name).toList()).update();
    }

    /** @return whether the case was open */
    boolean close(UUID caseId, CloseReason reason, Instant at) {
        return jdbc.sql("""
                UPDATE care_case SET stage = ?, closed_at = ?, closed_reason = ? WHERE id = ? AND stage <> ?""")
            .params(CaseStage.CLOSED.name(), DbTime.toDb(at), reason.name(), caseId, CaseStage.CLOSED.name())
            .update() == 1;
    }

    void reopen(UUID caseId, CaseStage stage) {
        jdbc.sql("UPDATE care_case SET stage = ?, closed_at = NULL, closed_reason = NULL WHERE id = ?")
            .params(stage.name(), caseId).update();
    }

    void mute(UUID caseId) {
        jdbc.sql("UPDATE care_case SET muted = TRUE WHERE id = ?").param(caseId).update();
    }

    boolean hasOpenCaseSince(UUID personId, Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM care_case WHERE person_id = ? AND closed_at IS NULL AND opened_at >= ?")
            .params(personId, DbTime.toDb(since)).query(Long.class).single() > 0;
    }

    boolean isOwnCase(UUID personId, UUID caseId) {
        return jdbc.sql("SELECT COUNT(*) FROM care_case WHERE id = ? AND person_id = ?").params(caseId, personId)
            .query(Long.class).single() > 0;
    }

    // ---------------------------------------------------------------- opting out

    boolean hasOptedOut(UUID personId) {
        return jdbc.sql("SELECT opted_out FROM care_person WHERE person_id = ?").param(personId)
            .query(Boolean.class).optional().orElse(false);
    }

    /**
     * The person's first choice inserts their row, unless a request at the same moment (a form sent twice) has: the
     * database decides, not a look first, and the later one then updates.
     */
    void setOptedOut(UUID personId, boolean optedOut, Instant at) {
        Object since = optedOut ? DbTime.toDb(at) : null;
        int inserted = jdbc.sql("""
                INSERT INTO care_person (person_id, opted_out, opted_out_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING""")
            .params(personId, optedOut, since).update();
        if (inserted == 0) {
            jdbc.sql("UPDATE care_person SET opted_out = ?, opted_out_at = ? WHERE person_id = ?")
                .params(optedOut, since, personId).update();
        }
    }

    // ---------------------------------------------------------------- the person's own views

    /** The person's cases (or only {@code onlyCase}), newest first, without their incidents. */
    List<CaseView> cases(UUID personId, UUID onlyCase) {
        return jdbc.sql("""
                SELECT id, stage, origin, muted, opened_at, closed_at, closed_reason FROM care_case
                WHERE person_id = :person AND (CAST(:only AS UUID) IS NULL OR id = :only)
                ORDER BY opened_at DESC""")
            .param("person", personId).param("only", onlyCase)
            .query((rs, n) -> new CaseView(rs.getObject("id", UUID.class), rs.getString("stage"),
                rs.getString("origin"), rs.getBoolean("muted"), DbTime.instant(rs, "opened_at"),
                DbTime.instant(rs, "closed_at"), rs.getString("closed_reason"), List.of()))
            .list();
    }

    Map<UUID, List<IncidentView>> incidents(Collection<UUID> caseIds) {
        Map<UUID, List<IncidentView>> byCase = new LinkedHashMap<>();
        if (caseIds.isEmpty()) {
            return byCase;
        }
        jdbc.sql("""
                SELECT case_id, incident_id, title, severity, role, resolved_at, reasons FROM care_case_incident
                WHERE case_id IN (:ids) ORDER BY resolved_at""")
            .param("ids", caseIds)
            .query((ResultSet rs) -> {
                byCase.computeIfAbsent(rs.getObject("case_id", UUID.class), k -> new ArrayList<>())
                    .add(new IncidentView(rs.getObject("incident_id", UUID.class), rs.getString("title"),
                        rs.getString("severity"), rs.getString("role"), DbTime.instant(rs, "resolved_at"),
                        Arrays.stream(rs.getString("reasons").split(",")).filter(s -> !s.isBlank()).toList()));
            });
        return byCase;
    }

    // ---------------------------------------------------------------- suggestions

    boolean hasOpenSuggestion(UUID personId) {
        return jdbc.sql("SELECT COUNT(*) FROM care_suggestion WHERE person_id = ? AND responded_at IS NULL")
            .param(personId).query(Long.class).single() > 0;
    }

    void insertSuggestion(UUID id, UUID personId, UUID leadId, Instant at) {
        jdbc.sql("INSERT INTO care_suggestion (id, person_id, suggested_by, created_at) VALUES (?, ?, ?, ?)")
            .params(id, personId, leadId, DbTime.toDb(at)).update();
    }

    List<SuggestionView> openSuggestions(UUID personId) {
        return jdbc.sql("""
                SELECT id, created_at FROM care_suggestion WHERE person_id = ? AND responded_at IS NULL
                ORDER BY created_at""")
            .param(personId)
            .query((rs, n) -> new SuggestionView(rs.getObject("id", UUID.class), DbTime.instant(rs, "created_at")))
            .list();
    }

    /** @return whether the person had this suggestion open */
    boolean respondToSuggestion(UUID personId, UUID suggestionId, Instant at) {
        return jdbc.sql("""
                UPDATE care_suggestion SET responded_at = ? WHERE id = ? AND person_id = ? AND responded_at IS NULL""")
            .params(DbTime.toDb(at), suggestionId, personId).update() > 0;
    }

    // ---------------------------------------------------------------- helpers

    private void batch(String sql, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            batch.batchUpdate(sql, rows);
        }
    }
}
