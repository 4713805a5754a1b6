package io.aftercare.care.rules;

import java.time.Instant;
import java.time.LocalTime;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.aftercare.identity.AuditLog;
import io.aftercare.shared.DbTime;

/** The programme's trigger rules, one row, changed by coordinators (audited). */
@Service
public class ProgrammeRules {

    private final JdbcClient jdbc;
    private final AuditLog audit;

    ProgrammeRules(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public TriggerRules current() {
        return jdbc.sql("""
                SELECT severity_on, max_severity, duration_on, min_duration_minutes, sleep_on, sleep_start,
                       sleep_end, commander_on FROM care_rules WHERE id = 1""")
            .query((rs, n) -> new TriggerRules(rs.getBoolean("severity_on"), rs.getInt("max_severity"),
                rs.getBoolean("duration_on"), rs.getInt("min_duration_minutes"), rs.getBoolean("sleep_on"),
                rs.getObject("sleep_start", LocalTime.class), rs.getObject("sleep_end", LocalTime.class),
                rs.getBoolean("commander_on")))
            .optional().orElse(TriggerRules.DEFAULTS);
    }

    @Transactional
    public void update(TriggerRules rules, UUID actorId) {
        jdbc.sql("""
                UPDATE care_rules SET severity_on = ?, max_severity = ?, duration_on = ?, min_duration_minutes = ?,
                       sleep_on = ?, sleep_start = ?, sleep_end = ?, commander_on = ?, updated_at = ?, updated_by = ?
                WHERE id = 1""")
            .params(rules.severityOn(), rules.maxSeverity(), rules.durationOn(), rules.minDurationMinutes(),
                rules.sleepOn(), rules.sleepStart(), rules.sleepEnd(), rules.commanderOn(),
                DbTime.toDb(Instant.now()), actorId)
            .update();
        audit.record(actorId, "care.rules.changed", "care_rules", rules.toString());
    }
}
