package io.aftercare.intake.delivery;

import java.time.Instant;
import java.util.UUID;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.aftercare.shared.DbTime;
import io.aftercare.shared.PersonalData;

/**
 * Intake's part of a person's data: the identities alerting tools knew them by before an admin matched them to the
 * directory (name and e-mail as the tool sent them). Erasing deletes them.
 */
@Component
@Order(500)
class IntakePersonalData implements PersonalData {

    private final JdbcClient jdbc;

    IntakePersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record SourceIdentity(String provider, String externalId, String displayName, String email, Instant firstSeenAt,
                          Instant lastSeenAt, Instant mappedAt) {
    }

    @Override
    public String section() {
        return "sourceIdentities";
    }

    @Override
    public Object export(UUID personId) {
        return jdbc.sql("""
                SELECT provider, external_id, display_name, email, first_seen_at, last_seen_at, mapped_at
                FROM intake_unmatched_identity WHERE person_id = ? ORDER BY first_seen_at""")
            .param(personId)
            .query((rs, n) -> new SourceIdentity(rs.getString("provider"), rs.getString("external_id"),
                rs.getString("display_name"), rs.getString("email"), DbTime.instant(rs, "first_seen_at"),
                DbTime.instant(rs, "last_seen_at"), DbTime.instant(rs, "mapped_at")))
            .list();
    }

    @Override
    public void erase(UUID personId) {
        // their occurrences go with them (ON DELETE CASCADE)
        jdbc.sql("DELETE FROM intake_unmatched_identity WHERE person_id = ?").param(personId).update();
    }
}
