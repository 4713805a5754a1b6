package io.aftercare.crypto;

import java.time.Instant;
import java.util.UUID;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.aftercare.shared.DbTime;
import io.aftercare.shared.PersonalData;

/**
 * Crypto's part of a person's data: their own key. Erasure destroys it (crypto-shredding), after every other
 * module's section, in the erasure's one transaction: a failure anywhere brings the key back with the rows. The
 * export says only that the key exists and since when; key material never leaves Aftercare.
 */
@Component
@Order(1100)
class KeyPersonalData implements PersonalData {

    private final JdbcClient jdbc;
    private final PersonalEncryption encryption;

    KeyPersonalData(JdbcClient jdbc, PersonalEncryption encryption) {
        this.jdbc = jdbc;
        this.encryption = encryption;
    }

    record Key(Instant createdAt, Instant destroyedAt) {
    }

    @Override
    public String section() {
        return "key";
    }

    @Override
    public Object export(UUID personId) {
        return jdbc.sql("SELECT created_at, destroyed_at FROM crypto_person_key WHERE person_id = ?").param(personId)
            .query((rs, n) -> new Key(DbTime.instant(rs, "created_at"), DbTime.instant(rs, "destroyed_at")))
            .optional().orElse(null);
    }

    @Override
    public void erase(UUID personId) {
        encryption.destroyKey(personId);
    }
}
