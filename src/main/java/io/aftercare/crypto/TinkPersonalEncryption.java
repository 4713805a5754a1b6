package io.aftercare.crypto;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
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
 * Each row records the master key version that wrapped it ({@code master_key_id}); after a rotation
 * {@link #rewrap} moves the rows to the new primary version.
 *
 * <p>The master key is read (or, on an empty data directory, generated) on a thread of its own while the rest of
 * the application starts: Tink's registration and the key's parsing take a noticeable share of a start. The start
 * still waits for it before it completes, and fails as before when the key cannot be read.
 */
@Service
class TinkPersonalEncryption implements PersonalEncryption, SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(TinkPersonalEncryption.class);

    private final JdbcClient jdbc;
    private final CompletableFuture<MasterKeyset> master;
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
        this.master = CompletableFuture.supplyAsync(() -> MasterKeyset.loadOrCreate(masterKeyFile), task -> {
            Thread thread = new Thread(task, "master-key-load");
            thread.setDaemon(true);
            thread.start();
        });
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The start completes only with the master key read: a missing or damaged key stops it, as it always did. */
    @Override
    public void afterSingletonsInstantiated() {
        master();
    }

    private MasterKeyset master() {
        try {
            return master.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
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
        // database backups still hold the key, wrapped by the master key: the job rotates the master key, so that
        // the versions wrapping it are destroyed after the backup retention (MasterKeyRotation)
        jdbc.sql("UPDATE crypto_master_keyset SET rotation_requested_at = ? WHERE id = 1 "
            + "AND rotation_requested_at IS NULL").params(DbTime.toDb(Instant.now())).update();
    }

    private record Stored(UUID personId, byte[] keyset, boolean destroyed) {
    }

    private Optional<Stored> stored(UUID personId) {
        return jdbc.sql("SELECT keyset, destroyed_at FROM crypto_person_key WHERE person_id = ?").param(personId)
            .query((rs, n) -> new Stored(personId, rs.getBytes("keyset"), rs.getObject("destroyed_at") != null))
            .optional();
    }

    private Aead aead(UUID personId, boolean create) throws GeneralSecurityException {
        Optional<Stored> stored = stored(personId);
        if (stored.isEmpty()) {
            if (!create) {
                throw new GeneralSecurityException("no key for this person");
            }
            KeysetHandle fresh = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            byte[] wrapped = TinkProtoKeysetFormat.serializeEncryptedKeyset(fresh, master().aead(),
                wrapContext(personId));
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
        return unwrap(personId, stored.get().keyset()).getPrimitive(RegistryConfiguration.get(), Aead.class);
    }

    /**
     * The person's keyset, unwrapped by whichever master key version wrapped it. When that fails the file is read
     * again first: another instance may have just rotated it.
     */
    private KeysetHandle unwrap(UUID personId, byte[] wrapped) throws GeneralSecurityException {
        try {
            return TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, master().aead(), wrapContext(personId));
        } catch (GeneralSecurityException first) {
            try {
                return TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, master().reloaded(),
                    wrapContext(personId));
            } catch (GeneralSecurityException again) {
                OptionalLong version = MasterKeyset.wrappedBy(wrapped);
                if (version.isPresent() && !master().versions().contains(version.getAsLong())) {
                    throw new GeneralSecurityException("master key version " + version.getAsLong() + " is not in "
                        + master().file() + ": it was destroyed (the key comes from a backup older than the "
                        + "backup retention), or the instances do not share one key file", again);
                }
                throw again;
            }
        }
    }

    /**
     * Re-wraps up to {@code limit} person keys that are not wrapped by the primary master key version (or whose
     * version is not recorded yet), those after {@code after} in person id order. Destroyed keys stay destroyed.
     *
     * @return the last person id looked at (pass it as {@code after} for the next batch), empty when none was left
     */
    Optional<UUID> rewrap(Optional<UUID> after, int limit) {
        long primary = master().primaryId();
        String sql = """
            SELECT person_id, keyset FROM crypto_person_key
            WHERE keyset IS NOT NULL AND destroyed_at IS NULL AND (master_key_id IS NULL OR master_key_id <> ?)
            """ + (after.isPresent() ? " AND person_id > ?" : "") + " ORDER BY person_id LIMIT ?";
        List<Object> params = new ArrayList<>();
        params.add(primary);
        after.ifPresent(params::add);
        params.add(limit);
        List<Stored> batch = jdbc.sql(sql).params(params)
            .query((rs, n) -> new Stored(rs.getObject("person_id", UUID.class), rs.getBytes("keyset"), false))
            .list();
        for (Stored row : batch) {
            try {
                byte[] rewrapped = TinkProtoKeysetFormat.serializeEncryptedKeyset(unwrap(row.personId(),
                    row.keyset()), master().aead(), wrapContext(row.personId()));
                // a key destroyed meanwhile is not brought back
                jdbc.sql("""
                        UPDATE crypto_person_key SET keyset = ?, master_key_id = ?
                        WHERE person_id = ? AND keyset IS NOT NULL AND destroyed_at IS NULL""")
                    .params(rewrapped, wrappedBy(rewrapped), row.personId()).update();
            } catch (GeneralSecurityException e) {
                log.warn("The key of person {} could not be re-wrapped: {}", row.personId(), e.getMessage());
                // record the version its prefix names, so that an unreadable key holds back no other version
                jdbc.sql("UPDATE crypto_person_key SET master_key_id = ? "
                        + "WHERE person_id = ? AND master_key_id IS NULL")
                    .params(wrappedBy(row.keyset()), row.personId()).update();
            }
        }
        return batch.isEmpty() ? Optional.empty() : Optional.of(batch.get(batch.size() - 1).personId());
    }

    MasterKeyset masterKeyset() {
        return master();
    }

    private void insert(UUID personId, byte[] wrapped) {
        Instant now = Instant.now();
        jdbc.sql("""
                INSERT INTO crypto_person_key (person_id, keyset, master_key_id, created_at, destroyed_at)
                VALUES (?, ?, ?, ?, ?)""")
            .params(personId, wrapped, wrapped == null ? null : wrappedBy(wrapped), DbTime.toDb(now),
                wrapped == null ? DbTime.toDb(now) : null).update();
    }

    private static Long wrappedBy(byte[] wrapped) {
        OptionalLong version = MasterKeyset.wrappedBy(wrapped);
        return version.isPresent() ? version.getAsLong() : null;
    }

    private static byte[] wrapContext(UUID personId) {
        return ("aftercare.person-key:" + personId).getBytes(StandardCharsets.UTF_8);
    }
}
