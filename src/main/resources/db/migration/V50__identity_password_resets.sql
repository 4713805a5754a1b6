-- Identity: one-time password reset links, sent only to the person's own e-mail. Stored as a SHA-256 hash, like
-- invitations; one H2 (PostgreSQL mode) and PostgreSQL schema.

CREATE TABLE password_reset (
    token_hash VARCHAR(64) NOT NULL PRIMARY KEY,
    person_id  UUID        NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT password_reset_account_fk FOREIGN KEY (person_id) REFERENCES account (person_id) ON DELETE CASCADE
);
CREATE INDEX password_reset_person_idx ON password_reset (person_id);
