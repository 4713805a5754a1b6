package io.aftercare.peersupport.cases;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.aftercare.shared.DbTime;

/**
 * Peer support's record of each care case: whose it is, which incidents it is about, what outreach the person
 * asked for, and whether and how soon anyone reached out. Operational data only: no answers, no scores.
 */
@Component
public class SupportCases {

    /** A case as peer support knows it. */
    public record SupportCase(UUID caseId, UUID personId, Instant openedAt, List<UUID> incidentIds, String outreach,
                              Instant firstOutreachAt) {
    }

    private final JdbcClient jdbc;

    SupportCases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a case, or completes the record a check-in answer that arrived first started. Repeated deliveries of
     * the same event change nothing. The case's opening and its answer are handled at the same time on threads of
     * their own: each inserts unless the other has (the database decides, not a look first), then updates.
     */
    public void opened(UUID caseId, UUID personId, List<UUID> incidentIds, Instant openedAt) {
        String ids = String.join(",", incidentIds.stream().map(UUID::toString).toList());
        int inserted = jdbc.sql("""
                INSERT INTO support_case (case_id, person_id, opened_at, incident_ids) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING""")
            .params(caseId, personId, DbTime.toDb(openedAt), ids).update();
        if (inserted == 0) {
            jdbc.sql("UPDATE support_case SET incident_ids = ?, opened_at = ? WHERE case_id = ?")
                .params(ids, DbTime.toDb(openedAt), caseId).update();
        }
        for (UUID incident : incidentIds) {
            jdbc.sql("INSERT INTO support_case_incident (case_id, person_id, incident_id) VALUES (?, ?, ?) "
                    + "ON CONFLICT DO NOTHING")
                .params(caseId, personId, incident).update();
        }
    }

    public Optional<SupportCase> find(UUID caseId) {
        return jdbc.sql("""
                SELECT case_id, person_id, opened_at, incident_ids, outreach, first_outreach_at
                FROM support_case WHERE case_id = ?""")
            .param(caseId)
            .query((rs, n) -> new SupportCase(rs.getObject("case_id", UUID.class),
                rs.getObject("person_id", UUID.class), DbTime.instant(rs, "opened_at"),
                ids(rs.getString("incident_ids")), rs.getString("outreach"), DbTime.instant(rs, "first_outreach_at")))
            .optional();
    }

    /** Whether the person has a case about any of these incidents: they were in it themselves. */
    public boolean wasIn(UUID personId, List<UUID> incidentIds) {
        return incidentIds.stream().anyMatch(incident -> jdbc.sql(
                "SELECT COUNT(*) FROM support_case_incident WHERE incident_id = ? AND person_id = ?")
            .params(incident, personId).query(Long.class).single() > 0);
    }

    /** What the person asked for in their check-in; may arrive before the case's own event, or beside it. */
    public void outreachWish(UUID caseId, UUID personId, String outreach, Instant at) {
        int inserted = jdbc.sql("""
                INSERT INTO support_case (case_id, person_id, opened_at, incident_ids, outreach) VALUES (?, ?, ?, '', ?)
                ON CONFLICT DO NOTHING""")
            .params(caseId, personId, DbTime.toDb(at), outreach).update();
        if (inserted == 0) {
            jdbc.sql("UPDATE support_case SET outreach = ? WHERE case_id = ?").params(outreach, caseId).update();
        }
    }

    /** The first time anyone reached out is kept; later ones do not move it. */
    public void reachedOut(UUID caseId, UUID by, Instant at) {
        jdbc.sql("""
                UPDATE support_case SET first_outreach_at = ?, first_outreach_by = ?
                WHERE case_id = ? AND (first_outreach_at IS NULL OR first_outreach_at > ?)""")
            .params(DbTime.toDb(at), by, caseId, DbTime.toDb(at)).update();
    }

    private static List<UUID> ids(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.stream(s.split(",")).map(UUID::fromString).toList();
    }
}
