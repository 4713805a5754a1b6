package io.aftercare.recovery.overview;

import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.aftercare.recovery.ToolUseForInsight;
import io.aftercare.shared.DbTime;

/** Yes or no from the journal's entries and the plans' creation times; nothing else is read. */
@Component
class InsightToolUse implements ToolUseForInsight {

    private final JdbcClient jdbc;

    InsightToolUse(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean usedATool(UUID personId, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT (SELECT COUNT(*) FROM recovery_journal_entry
                        WHERE person_id = :person AND created_at >= :from AND created_at < :to)
                     + (SELECT COUNT(*) FROM recovery_plan
                        WHERE person_id = :person AND created_at >= :from AND created_at < :to)""")
            .param("person", personId).param("from", DbTime.toDb(from)).param("to", DbTime.toDb(to))
            .query(Long.class).single() > 0;
    }
}
