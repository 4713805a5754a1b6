package io.aftercare.crypto;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

import io.aftercare.shared.DbTime;

/**
 * Per-person Tink keysets in {@code crypto_person_key}, each encrypted with the master key (associated data: the
 * person's id, so a wrapped key cannot be moved to another person). A destroyed key leaves a row without keyset.
 */
@Service
class TinkPersonalEncryption implements PersonalEncryption {

    private final JdbcClient jdbc;
    private final Aead master;
    private final TransactionTemplate newTransaction;

    TinkPersonalEncryption(JdbcClient jdbc, PlatformTransactionManager transactions,
                           @Value("${aftercare.master-key-file}") Path masterKeyFile) {
        this.jdbc = jdbc;
        boolean keysExist = jdbc.sql("SELECT COUNT(*) FROM crypto_person_key WHERE keyset IS NOT NULL")
            .query(Long.class).single() > 0;
        if (keysExist && !Files.exists(masterKeyFile)) {
            // generating a new one now would make every stored note unreadable: refuse to start instead
            throw new IllegalStateException("The master key file " + masterKeyFile.toAbsolutePath()
                + " is missing, but the database holds keys wrapped by it. Restore it (AFTERCARE_MASTER_KEY_FILE).");
        }
        this.master = MasterKey.loadOrCreate(masterKeyFile);
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public byte[] encrypt(UUID personId, byte[] plaintext, byte[] associatedData) {
        try {
            return aead(personId, true).encrypt(plaintext, associatedData);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt", e);
        }
    }

    @Override
    public byte[] decrypt(UUID personId, byte[] ciphertext, byte[] associatedData) {
        try {
            return aead(personId, false).decrypt(ciphertext, associatedData);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not decrypt: wrong person, place or a damaged ciphertext", e);
        }
    }

    @Override
    public void destroyKey(UUID personId) {
        int updated = jdbc.sql("UPDATE crypto_person_key SET keyset = NULL, destroyed_at = ? WHERE person_id = ?")
            .params(DbTime.toDb(Instant.now()), personId).update();
        if (updated == 0) {
            // never had a key: leave a tombstone so that no new key is made for an erased person
            insert(personId, null);
        }
    }

    private record Stored(byte[] keyset, boolean destroyed) {
    }

    private Optional<Stored> stored(UUID personId) {
        return jdbc.sql("SELECT keyset, destroyed_at FROM crypto_person_key WHERE person_id = ?").param(personId)
            .query((rs, n) -> new Stored(rs.getBytes("keyset"), rs.getObject("destroyed_at") != null)).optional();
    }

    private Aead aead(UUID personId, boolean create) throws GeneralSecurityException {
        Optional<Stored> stored = stored(personId);
        if (stored.isEmpty()) {
            if (!create) {
                throw new GeneralSecurityException("no key for this person");
            }
            KeysetHandle fresh = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            byte[] wrapped = TinkProtoKeysetFormat.serializeEncryptedKeyset(fresh, master, wrapContext(personId));
            try {
                // its own transaction: a failed insert must not spoil the caller's transaction on PostgreSQL
                newTransaction.executeWithoutResult(s -> insert(personId, wrapped));
            } catch (DuplicateKeyException raced) {
                return aead(personId, false);
            }
            return fresh.getPrimitive(RegistryConfiguration.get(), Aead.class);
        }
        if (stored.get().destroyed() || stored.get().keyset() == null) {
            throw new KeyDestroyedException(personId);
        }
        return TinkProtoKeysetFormat.parseEncryptedKeyset(stored.get().keyset(), master, wrapContext(personId))
            .getPrimitive(RegistryConfiguration.get(), Aead.class);
    }

    private void insert(UUID personId, byte[] wrapped) {
        Instant now = Instant.now();
        jdbc.sql("INSERT INTO crypto_person_key (person_id, keyset, created_at, destroyed_at) VALUES (?, ?, ?, ?)")
            .params(personId, wrapped, DbTime.toDb(now), wrapped == null ? DbTime.toDb(now) : null).update();
    }

    private static byte[] wrapContext(UUID personId) {
        return ("aftercare.person-key:" + personId).getBytes(StandardCharsets.UTF_8);
    }
}
