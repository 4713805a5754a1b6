package io.aftercare.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.aftercare.support.AftercareIT;

/** Per-person keys on a real database: each person's own, wrapped by the master key, destroyable for good. */
@AftercareIT
class CryptoIT {

    @Autowired
    PersonalEncryption encryption;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPersonsTextDecryptsOnlyWithTheirKeyAndItsPlaceAndNeverAfterTheKeyIsDestroyed() {
        UUID ana = UUID.randomUUID();
        UUID ben = UUID.randomUUID();
        String secret = "I froze during the failover " + UUID.randomUUID();
        byte[] ciphertext = encryption.encryptText(ana, secret, "journal:1");

        assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1)).doesNotContain("failover");
        assertThat(encryption.decryptText(ana, ciphertext, "journal:1")).isEqualTo(secret);
        assertThatThrownBy(() -> encryption.decryptText(ana, ciphertext, "journal:2"))
            .as("moved to another place").isInstanceOf(IllegalStateException.class);
        encryption.encryptText(ben, "something else", "journal:1");
        assertThatThrownBy(() -> encryption.decryptText(ben, ciphertext, "journal:1"))
            .as("another person's key").isInstanceOf(IllegalStateException.class);

        byte[] wrapped = jdbc.sql("SELECT keyset FROM crypto_person_key WHERE person_id = ?").param(ana)
            .query(byte[].class).single();
        assertThat(wrapped).isNotEmpty();

        encryption.destroyKey(ana);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM crypto_person_key WHERE person_id = ? AND keyset IS NULL "
            + "AND destroyed_at IS NOT NULL").param(ana).query(Long.class).single()).as("no key material left")
            .isEqualTo(1);
        assertThatThrownBy(() -> encryption.decryptText(ana, ciphertext, "journal:1"))
            .isInstanceOf(KeyDestroyedException.class);
        assertThatThrownBy(() -> encryption.encryptText(ana, "new", "journal:3"))
            .as("no new key for an erased person").isInstanceOf(KeyDestroyedException.class);
        assertThat(encryption.decryptText(ben, encryption.encryptText(ben, "still fine", "x"), "x"))
            .isEqualTo("still fine");
    }
}
