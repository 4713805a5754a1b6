-- "What I'd fix": follow-up actions a person lists against a care case of their own. The title and the link are
-- the person's own words, encrypted with their key (associated data "recovery.action:<id>"); nothing here refers
-- to care's tables by foreign key, so that each module erases its own rows in its own order.
CREATE TABLE recovery_action (
    id                 UUID NOT NULL PRIMARY KEY,
    person_id          UUID NOT NULL,
    case_id            UUID NOT NULL,
    title_ciphertext   BYTEA NOT NULL,
    url_ciphertext     BYTEA,
    done_at            TIMESTAMP WITH TIME ZONE,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX recovery_action_case_idx ON recovery_action (person_id, case_id, created_at);
