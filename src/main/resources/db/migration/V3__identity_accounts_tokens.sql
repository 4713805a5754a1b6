-- Identity: local accounts (one per person), roles, API tokens, invitations,
-- login throttling and the append-only audit log.

CREATE TABLE account (
    person_id           UUID         NOT NULL PRIMARY KEY,
    login               VARCHAR(320) NOT NULL,
    password_hash       VARCHAR(500),
    enabled             BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    password_changed_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT account_login_unique UNIQUE (login),
    CONSTRAINT account_person_fk FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE
);

CREATE TABLE account_role (
    person_id UUID        NOT NULL,
    role      VARCHAR(20) NOT NULL,
    PRIMARY KEY (person_id, role),
    CONSTRAINT account_role_account_fk FOREIGN KEY (person_id) REFERENCES account (person_id) ON DELETE CASCADE
);

CREATE TABLE api_token (
    id           UUID         NOT NULL PRIMARY KEY,
    person_id    UUID         NOT NULL,
    name         VARCHAR(100) NOT NULL,
    token_hash   VARCHAR(64)  NOT NULL,
    token_prefix VARCHAR(16)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE,
    revoked_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT api_token_hash_unique UNIQUE (token_hash),
    CONSTRAINT api_token_account_fk FOREIGN KEY (person_id) REFERENCES account (person_id) ON DELETE CASCADE
);
CREATE INDEX api_token_person_idx ON api_token (person_id);

CREATE TABLE invitation (
    token_hash VARCHAR(64) NOT NULL PRIMARY KEY,
    person_id  UUID        NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT invitation_account_fk FOREIGN KEY (person_id) REFERENCES account (person_id) ON DELETE CASCADE
);

CREATE TABLE login_throttle (
    throttle_key     VARCHAR(400) NOT NULL PRIMARY KEY,
    failures         INT          NOT NULL,
    last_failure_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_until     TIMESTAMP WITH TIME ZONE
);

CREATE TABLE audit_log (
    id         UUID         NOT NULL PRIMARY KEY,
    at         TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_id   UUID,
    action     VARCHAR(60)  NOT NULL,
    target     VARCHAR(200),
    detail     VARCHAR(1000)
);
CREATE INDEX audit_log_at_idx ON audit_log (at);
