package io.aftercare.intake.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.aftercare.incidents.ResponderRole;
import io.aftercare.shared.DbTime;

/** SQL for people the sources named whom the directory did not know (the history import uses it too). */
@Repository
public class UnmatchedRepository {

    private final JdbcClient jdbc;

    UnmatchedRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Occurrence(UUID incidentId, ResponderRole role, Instant joinedAt) {
    }

    /** The person an admin mapped this identity to, if any. */
    public Optional<UUID> mappedPerson(String provider, String externalId) {
        return jdbc.sql("""
                SELECT person_id FROM intake_unmatched_identity
                WHERE provider = ? AND external_id = ? AND person_id IS NOT NULL""")
            .params(provider, externalId).query(UUID.class).optional();
    }

    /** Finds or adds the identity; returns its id. */
    public UUID remember(String provider, String externalId, String name, String email, Instant now) {
        Optional<UUID> id = jdbc.sql("SELECT id FROM intake_unmatched_identity WHERE provider = ? AND external_id = ?")
            .params(provider, externalId).query(UUID.class).optional();
        if (id.isPresent()) {
            jdbc.sql("""
                    UPDATE intake_unmatched_identity SET last_seen_at = ?,
                           display_name = COALESCE(?, display_name), email = COALESCE(?, email) WHERE id = ?""")
                .params(DbTime.toDb(now), cut(name, 200), cut(email, 320), id.get()).update();
            return id.get();
        }
        UUID newId = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO intake_unmatched_identity (id, provider, external_id, display_name, email, first_seen_at,
                                                       last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)""")
            .params(newId, provider, externalId, cut(name, 200), cut(email, 320), DbTime.toDb(now), DbTime.toDb(now))
            .update();
        return newId;
    }

    /** Notes that the identity was in an incident that was only just recorded (so it cannot be noted yet). */
    public void addOccurrenceToNewIncident(UUID identityId, UUID incidentId, ResponderRole role, Instant joinedAt) {
        jdbc.sql("""
                INSERT INTO intake_unmatched_occurrence (identity_id, incident_id, role, joined_at)
                VALUES (?, ?, ?, ?)""")
            .params(identityId, incidentId, role.name(), DbTime.toDb(joinedAt)).update();
    }

    void addOccurrence(UUID identityId, UUID incidentId, ResponderRole role, Instant joinedAt) {
        long known = jdbc.sql("SELECT COUNT(*) FROM intake_unmatched_occurrence WHERE identity_id = ? AND incident_id = ?")
            .params(identityId, incidentId).query(Long.class).single();
        if (known == 0) {
            jdbc.sql("""
                    INSERT INTO intake_unmatched_occurrence (identity_id, incident_id, role, joined_at)
                    VALUES (?, ?, ?, ?)""")
                .params(identityId, incidentId, role.name(), DbTime.toDb(joinedAt)).update();
        }
    }

    private static final String SELECT = """
        SELECT u.id, u.provider, u.external_id, u.display_name, u.email, u.first_seen_at, u.last_seen_at,
               u.person_id, (SELECT COUNT(*) FROM intake_unmatched_occurrence o WHERE o.identity_id = u.id) AS n
        FROM intake_unmatched_identity u""";

    List<UnmatchedIdentity> list(boolean unmappedOnly, int limit) {
        return jdbc.sql(SELECT + (unmappedOnly ? " WHERE u.person_id IS NULL" : "")
                + " ORDER BY u.last_seen_at DESC LIMIT " + limit)
            .query(UnmatchedRepository::map).list();
    }

    Optional<UnmatchedIdentity> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE u.id = ?").param(id).query(UnmatchedRepository::map).optional();
    }

    private static UnmatchedIdentity map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new UnmatchedIdentity(rs.getObject("id", UUID.class), rs.getString("provider"),
            rs.getString("external_id"), rs.getString("display_name"), rs.getString("email"),
            DbTime.instant(rs, "first_seen_at"), DbTime.instant(rs, "last_seen_at"),
            rs.getObject("person_id", UUID.class), rs.getLong("n"));
    }

    boolean map(UUID id, UUID personId, Instant now) {
        return jdbc.sql("UPDATE intake_unmatched_identity SET person_id = ?, mapped_at = ? WHERE id = ?")
            .params(personId, DbTime.toDb(now), id).update() == 1;
    }

    List<Occurrence> occurrences(UUID identityId) {
        return jdbc.sql("SELECT incident_id, role, joined_at FROM intake_unmatched_occurrence WHERE identity_id = ?")
            .param(identityId)
            .query((rs, n) -> new Occurrence(rs.getObject("incident_id", UUID.class),
                ResponderRole.valueOf(rs.getString("role")), DbTime.instant(rs, "joined_at")))
            .list();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
