package io.aftercare.peersupport.cases;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.aftercare.peersupport.OutreachForInsight;
import io.aftercare.shared.DbTime;

/** First outreach per case, from the outreach record peer support keeps for every care case. */
@Component
class InsightOutreach implements OutreachForInsight {

    /** Keeps each IN list well under every database's parameter limit. */
    private static final int CHUNK = 1000;

    private final JdbcClient jdbc;

    InsightOutreach(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<UUID, Instant> firstOutreach(Collection<UUID> caseIds, Instant before) {
        Map<UUID, Instant> first = new HashMap<>();
        List<UUID> ids = List.copyOf(caseIds);
        for (int i = 0; i < ids.size(); i += CHUNK) {
            jdbc.sql("""
                    SELECT case_id, first_outreach_at FROM support_case
                    WHERE case_id IN (:ids) AND first_outreach_at < :before""")
                .param("ids", ids.subList(i, Math.min(ids.size(), i + CHUNK))).param("before", DbTime.toDb(before))
                .query((ResultSet rs) -> {
                    first.put(rs.getObject("case_id", UUID.class), DbTime.instant(rs, "first_outreach_at"));
                });
        }
        return first;
    }
}
