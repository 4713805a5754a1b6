package io.aftercare.crypto;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.aftercare.shared.DbTime;

/**
 * Rotates the master key and retires its old versions, so that erasing a person (destroying their key) also
 * reaches database backups once they are older than {@code aftercare.backup-retention}.
 *
 * <ol>
 *   <li>After a person's key was destroyed (erasure), every {@code aftercare.master-key-rotate-every}, or when an
 *       admin asks, a new version is added to the file as the primary: new person keys are wrapped by it at once.
 *   </li>
 *   <li>The re-wrap ({@link #run}) moves every other person key to the primary, in batches.</li>
 *   <li>A version that no key has been wrapped by for {@code aftercare.backup-retention} is removed from the file:
 *       every backup that could hold a key wrapped by it is older than that, and such a key can no longer be
 *       unwrapped, whatever the backup holds.</li>
 * </ol>
 *
 * <p>So an erased person's key, still in the database backups taken before the erasure, is wrapped by versions
 * that are all destroyed within {@code backup-retention} (and the job's hour or two) of the erasure.
 *
 * <p>The versions' timeline is in {@code crypto_master_key}; their key material only in the file. Instances share
 * the file; every change to it happens under a lock on {@code crypto_master_keyset}, after reading it afresh. An
 * instance whose file lacks a version the database knows (its file is not the shared one) changes nothing.
 */
@Service
class MasterKeyRotation {

    private static final Logger log = LoggerFactory.getLogger(MasterKeyRotation.class);
    static final int BATCH = 200;

    /** A master key version's timeline. */
    record Version(long id, Instant addedAt, Instant retiredAt, Instant unusedSince, Instant destroyedAt) {
    }

    /** One version as an admin sees it: how many person keys it still wraps, and when it goes. */
    record VersionStatus(long id, boolean primary, Instant addedAt, Instant retiredAt, long wrappedKeys,
                         Instant destroyAfter) {
    }

    /**
     * @param inFile       whether the file holds every version the database knows (false: not the shared file)
     * @param notYetRead   person keys whose version is not recorded yet (wrapped before versions were recorded)
     */
    record Status(long primary, List<VersionStatus> versions, long notYetRead, boolean inFile, Duration rotateEvery,
                  Duration backupRetention) {
    }

    private final JdbcClient jdbc;
    private final TinkPersonalEncryption encryption;
    private final MasterKeyset keyset;
    private final TransactionTemplate transaction;
    private final Duration rotateEvery;
    private final Duration retention;

    MasterKeyRotation(JdbcClient jdbc, TinkPersonalEncryption encryption, PlatformTransactionManager transactions,
                      @Value("${aftercare.master-key-rotate-every}") Duration rotateEvery,
                      @Value("${aftercare.backup-retention}") Duration retention) {
        this.jdbc = jdbc;
        this.encryption = encryption;
        this.keyset = encryption.masterKeyset();
        this.transaction = new TransactionTemplate(transactions);
        this.rotateEvery = rotateEvery;
        this.retention = retention;
    }

    /**
     * One run of the job: records versions it has not seen, rotates when the primary is older than
     * {@code rotate-every}, re-wraps what the primary does not wrap (for at most a minute), destroys the versions
     * unused for {@code backup-retention}.
     */
    void run(Instant now) {
        boolean consistent = locked(() -> {
            if (!record(now)) {
                return false;
            }
            Version primary = versions().get(keyset.primaryId());
            boolean due = !rotateEvery.isZero() && !rotateEvery.isNegative()
                && !primary.addedAt().plus(rotateEvery).isAfter(now);
            boolean erasure = jdbc.sql("SELECT COUNT(*) FROM crypto_master_keyset WHERE id = 1 "
                + "AND rotation_requested_at IS NOT NULL").query(Long.class).single() > 0;
            if (due || erasure) {
                try {
                    rotateLocked(now);
                } catch (IllegalStateException notWritable) {
                    // keys are still re-wrapped and old versions retired; the rotation is tried again next run
                    log.warn("The master key could not be rotated", notWritable);
                }
            }
            return true;
        });
        if (!consistent) {
            return;
        }
        long until = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        Optional<UUID> after = Optional.empty();
        do {
            after = encryption.rewrap(after, BATCH);
        } while (after.isPresent() && System.nanoTime() < until);
        locked(() -> {
            retire(now);
            return true;
        });
    }

    /** Adds a new primary version now (an admin asked); the job re-wraps the rest. */
    long rotate(Instant now) {
        Long id = locked(() -> {
            if (!record(now)) {
                throw new IllegalStateException("The master key file " + keyset.file() + " lacks versions the "
                    + "database knows: it is not the file the other instances use");
            }
            return rotateLocked(now);
        });
        return id;
    }

    Status status(Instant now) {
        long primary = keyset.primaryId();
        Set<Long> inFile = new HashSet<>(keyset.versions());
        Map<Long, Long> wrapped = jdbc.sql("""
                SELECT master_key_id, COUNT(*) AS n FROM crypto_person_key
                WHERE keyset IS NOT NULL AND master_key_id IS NOT NULL GROUP BY master_key_id""")
            .query((rs, n) -> Map.entry(rs.getLong("master_key_id"), rs.getLong("n"))).list().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        long notYetRead = jdbc.sql("SELECT COUNT(*) FROM crypto_person_key WHERE keyset IS NOT NULL "
            + "AND master_key_id IS NULL").query(Long.class).single();
        Map<Long, Version> versions = versions();
        List<VersionStatus> live = versions.values().stream()
            .filter(v -> v.destroyedAt() == null)
            .sorted((a, b) -> a.addedAt().compareTo(b.addedAt()))
            .map(v -> new VersionStatus(v.id(), v.id() == primary, v.addedAt(), v.retiredAt(),
                wrapped.getOrDefault(v.id(), 0L),
                v.unusedSince() == null ? null : v.unusedSince().plus(retention)))
            .toList();
        boolean consistent = live.stream().allMatch(v -> inFile.contains(v.id()));
        return new Status(primary, live, notYetRead, consistent, rotateEvery, retention);
    }

    private <T> T locked(Supplier<T> work) {
        return transaction.execute(status -> {
            jdbc.sql("SELECT id FROM crypto_master_keyset WHERE id = 1 FOR UPDATE").query(Integer.class).single();
            return work.get();
        });
    }

    /**
     * Reads the file afresh and records the versions the database has not seen (a file from before rotation: its
     * one version counts as added now). False when the file lacks a live version the database knows.
     */
    private boolean record(Instant now) {
        keyset.reloaded();
        long primary = keyset.primaryId();
        List<Long> inFile = keyset.versions();
        Map<Long, Version> known = versions();
        List<Long> missing = known.values().stream()
            .filter(v -> v.destroyedAt() == null && !inFile.contains(v.id())).map(Version::id).toList();
        if (!missing.isEmpty()) {
            log.error("The master key file {} lacks version(s) {} that another instance added: every instance must "
                + "use the same key file (a shared directory). Nothing is rotated or destroyed until it does.",
                keyset.file(), missing);
            return false;
        }
        for (long id : inFile) {
            if (!known.containsKey(id)) {
                jdbc.sql("INSERT INTO crypto_master_key (key_id, added_at, retired_at) VALUES (?, ?, ?)")
                    .params(id, DbTime.toDb(now), id == primary ? null : DbTime.toDb(now)).update();
            }
        }
        // a version stops being primary when another one is made primary
        jdbc.sql("UPDATE crypto_master_key SET retired_at = ? WHERE key_id <> ? AND retired_at IS NULL")
            .params(DbTime.toDb(now), primary).update();
        return true;
    }

    private long rotateLocked(Instant now) {
        long old = keyset.primaryId();
        long id = keyset.rotate();
        jdbc.sql("INSERT INTO crypto_master_key (key_id, added_at) VALUES (?, ?)").params(id, DbTime.toDb(now))
            .update();
        jdbc.sql("UPDATE crypto_master_key SET retired_at = ? WHERE key_id = ?").params(DbTime.toDb(now), old)
            .update();
        jdbc.sql("UPDATE crypto_master_keyset SET rotation_requested_at = NULL WHERE id = 1").update();
        return id;
    }

    /** Marks versions that wrap nothing as unused, and destroys those unused for the backup retention. */
    private void retire(Instant now) {
        long primary = keyset.primaryId();
        List<Long> inFile = keyset.versions();
        long notYetRead = jdbc.sql("SELECT COUNT(*) FROM crypto_person_key WHERE keyset IS NOT NULL "
            + "AND master_key_id IS NULL").query(Long.class).single();
        for (Version v : versions().values()) {
            if (v.id() == primary) {
                continue;
            }
            if (v.destroyedAt() != null) {
                if (inFile.contains(v.id())) {
                    // the file came back from a backup: the version stays destroyed
                    keyset.destroy(v.id());
                }
                continue;
            }
            long wraps = jdbc.sql("SELECT COUNT(*) FROM crypto_person_key WHERE keyset IS NOT NULL "
                + "AND master_key_id = ?").param(v.id()).query(Long.class).single();
            if (wraps > 0 || notYetRead > 0) {
                if (v.unusedSince() != null) {
                    jdbc.sql("UPDATE crypto_master_key SET unused_since = NULL WHERE key_id = ?").param(v.id())
                        .update();
                }
                continue;
            }
            Instant unusedSince = v.unusedSince();
            if (unusedSince == null) {
                unusedSince = now;
                jdbc.sql("UPDATE crypto_master_key SET unused_since = ? WHERE key_id = ?")
                    .params(DbTime.toDb(now), v.id()).update();
            }
            if (!unusedSince.plus(retention).isAfter(now)) {
                keyset.destroy(v.id());
                jdbc.sql("UPDATE crypto_master_key SET destroyed_at = ? WHERE key_id = ?")
                    .params(DbTime.toDb(now), v.id()).update();
            }
        }
    }

    private Map<Long, Version> versions() {
        return jdbc.sql("SELECT key_id, added_at, retired_at, unused_since, destroyed_at FROM crypto_master_key")
            .query((rs, n) -> new Version(rs.getLong("key_id"), DbTime.instant(rs, "added_at"),
                DbTime.instant(rs, "retired_at"), DbTime.instant(rs, "unused_since"), DbTime.instant(rs, "destroyed_at")))
            .list().stream().collect(Collectors.toMap(Version::id, Function.identity()));
    }
}
