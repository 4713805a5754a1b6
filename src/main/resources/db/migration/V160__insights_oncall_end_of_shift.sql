-- The end-of-shift question (on-call load, issue 14): optional per team, off until a lead or admin turns it on.
CREATE TABLE oncall_question_setting (
    team_id    UUID    NOT NULL PRIMARY KEY,
    enabled    BOOLEAN NOT NULL,
    changed_by UUID,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT oncall_question_setting_team_fk FOREIGN KEY (team_id) REFERENCES team (id) ON DELETE CASCADE
);

-- One question per person and ended shift (the unique key makes asking idempotent across instances), and their
-- answer: how much mental and emotional effort the shift took, 1 (none) to 5 (everything I had). The person's own:
-- shown to them as their trend, exported with their data and deleted on erasure; to anyone else only through the
-- rule set, as a team-month figure.
CREATE TABLE oncall_effort (
    id              UUID     NOT NULL PRIMARY KEY,
    person_id       UUID     NOT NULL,
    team_id         UUID     NOT NULL,
    rotation_id     UUID     NOT NULL,
    shift_starts_at TIMESTAMP WITH TIME ZONE NOT NULL,
    shift_ends_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    asked_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    effort          SMALLINT,
    answered_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT oncall_effort_person_fk FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE,
    CONSTRAINT oncall_effort_shift_unique UNIQUE (person_id, rotation_id, shift_ends_at),
    CONSTRAINT oncall_effort_range CHECK (effort IS NULL OR (effort BETWEEN 1 AND 5))
);
CREATE INDEX oncall_effort_team_idx ON oncall_effort (team_id, shift_ends_at);
