package io.aftercare.intake.integration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.aftercare.shared.DbTime;

/** SQL for integrations; secrets go in and out only as ciphertexts. */
@Repository
class IntegrationRepository {

    private static final String COLUMNS = "id, type, name, team_label, created_at, secret_rotated_at, "
        + "previous_valid_until";

    private final JdbcClient jdbc;

    IntegrationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Sealed(String current, String previous, Instant previousValidUntil) {
    }

    void insert(Integration i, String sealedSecret) {
        jdbc.sql("""
                INSERT INTO intake_integration (id, type, name, secret_ciphertext, team_label, created_at,
                                                secret_rotated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
            .params(i.id(), i.type().slug(), i.name(), sealedSecret, i.teamLabel(), DbTime.toDb(i.createdAt()),
                DbTime.toDb(i.secretRotatedAt()))
            .update();
    }

    Optional<Integration> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM intake_integration WHERE id = ?").param(id)
            .query(IntegrationRepository::map).optional();
    }

    List<Integration> list() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM intake_integration ORDER BY name, created_at")
            .query(IntegrationRepository::map).list();
    }

    Optional<Sealed> secrets(UUID id) {
        return jdbc.sql("""
                SELECT secret_ciphertext, previous_secret_ciphertext, previous_valid_until
                FROM intake_integration WHERE id = ?""").param(id)
            .query((rs, n) -> new Sealed(rs.getString(1), rs.getString(2), DbTime.instant(rs, "previous_valid_until")))
            .optional();
    }

    /** The current secret becomes the previous one, valid until the given time. */
    boolean rotate(UUID id, String sealedNew, String sealedPrevious, Instant previousValidUntil, Instant now) {
        return jdbc.sql("""
                UPDATE intake_integration SET secret_ciphertext = ?, previous_secret_ciphertext = ?,
                       previous_valid_until = ?, secret_rotated_at = ? WHERE id = ?""")
            .params(sealedNew, sealedPrevious, DbTime.toDb(previousValidUntil), DbTime.toDb(now), id)
            .update() == 1;
    }

    boolean delete(UUID id) {
        return jdbc.sql("DELETE FROM intake_integration WHERE id = ?").param(id).update() == 1;
    }

    private static Integration map(ResultSet rs, int n) throws SQLException {
        return new Integration(rs.getObject("id", UUID.class),
            IntegrationType.parse(rs.getString("type")).orElseThrow(), rs.getString("name"),
            rs.getString("team_label"), DbTime.instant(rs, "created_at"), DbTime.instant(rs, "secret_rotated_at"),
            DbTime.instant(rs, "previous_valid_until"));
    }
}
