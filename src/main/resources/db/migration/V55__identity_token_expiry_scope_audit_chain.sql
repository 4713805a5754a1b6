-- Identity: API tokens get an expiry and a scope; the audit log becomes a hash chain with a subject person.

-- Tokens made before this migration keep working for 90 more days, with full scope (docs/privacy.md).
ALTER TABLE api_token ADD COLUMN expires_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE api_token ADD COLUMN scope VARCHAR(10) DEFAULT 'FULL' NOT NULL;
UPDATE api_token SET expires_at = CURRENT_TIMESTAMP + INTERVAL '90' DAY WHERE expires_at IS NULL;
ALTER TABLE api_token ALTER COLUMN expires_at SET NOT NULL;

-- Each entry stores the hash of the one before it (seq - 1) and its own: SHA-256 over its fields and that hash.
-- Entries written before this migration are chained by the application when it starts (AuditChain).
ALTER TABLE audit_log ADD COLUMN subject_person_id UUID;
ALTER TABLE audit_log ADD COLUMN seq BIGINT;
ALTER TABLE audit_log ADD COLUMN prev_hash VARCHAR(64);
ALTER TABLE audit_log ADD COLUMN entry_hash VARCHAR(64);
CREATE UNIQUE INDEX audit_log_seq_idx ON audit_log (seq);
CREATE INDEX audit_log_subject_idx ON audit_log (subject_person_id);
CREATE INDEX audit_log_action_idx ON audit_log (action);

-- The chain's head, one row: every append locks it (SELECT … FOR UPDATE), so instances never fork the chain.
CREATE TABLE audit_head (
    id        INT         NOT NULL PRIMARY KEY,
    seq       BIGINT      NOT NULL,
    last_hash VARCHAR(64) NOT NULL
);
INSERT INTO audit_head (id, seq, last_hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
