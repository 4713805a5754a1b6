-- Crypto: the master key is a keyset of versions (one primary) and rotates. Each person's wrapped key records
-- the version that wraps it (Tink's ciphertext prefix says the same; NULL for keys wrapped before this migration,
-- read from the prefix by the re-wrap job). The versions' timeline lives here; their key material only in the
-- master key file. A version is destroyed (removed from the file) once no key has been wrapped by it for
-- aftercare.backup-retention, so that database backups older than that cannot be unwrapped at all.

ALTER TABLE crypto_person_key ADD COLUMN master_key_id BIGINT;

CREATE INDEX crypto_person_key_master_key ON crypto_person_key (master_key_id);

CREATE TABLE crypto_master_key (
    key_id       BIGINT NOT NULL PRIMARY KEY,
    added_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    retired_at   TIMESTAMP WITH TIME ZONE,
    unused_since TIMESTAMP WITH TIME ZONE,
    destroyed_at TIMESTAMP WITH TIME ZONE
);

-- one row: locked (SELECT … FOR UPDATE) while an instance changes the master key file, so that two instances
-- sharing the file never write over each other's change; and a rotation asked for by an erasure (destroying a
-- person's key), which the job carries out on its next run
CREATE TABLE crypto_master_keyset (
    id                    INTEGER NOT NULL PRIMARY KEY,
    rotation_requested_at TIMESTAMP WITH TIME ZONE
);

INSERT INTO crypto_master_keyset (id) VALUES (1);
