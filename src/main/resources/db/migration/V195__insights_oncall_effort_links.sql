-- One-tap answers to the end-of-shift question from e-mail or Slack: a signed link per choice, as care's check-in
-- links (care_link): random, single use, expiring, only the hash stored. The person is the question's; a link goes
-- with its question (and so with the person's erasure).
CREATE TABLE oncall_effort_link (
    token_hash  VARCHAR(64) NOT NULL PRIMARY KEY,
    question_id UUID        NOT NULL,
    effort      SMALLINT    NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT oncall_effort_link_question_fk FOREIGN KEY (question_id) REFERENCES oncall_effort (id)
        ON DELETE CASCADE,
    CONSTRAINT oncall_effort_link_range CHECK (effort BETWEEN 1 AND 5)
);

CREATE INDEX oncall_effort_link_question ON oncall_effort_link (question_id);
