-- Back on the horse: a person's plan for their next on-call shift. The person's own: nobody else reads it, it is
-- exported with their data and deleted on erasure. No free text (a colleague is a directory id).
CREATE TABLE recovery_plan (
    id              UUID        NOT NULL PRIMARY KEY,
    person_id       UUID        NOT NULL,
    team_id         UUID,
    shift_starts_at TIMESTAMP WITH TIME ZONE NOT NULL,
    shift_ends_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    kind            VARCHAR(16) NOT NULL,
    colleague_id    UUID,
    remind_at       TIMESTAMP WITH TIME ZONE,
    reminded_at     TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT recovery_plan_person_fk FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE,
    CONSTRAINT recovery_plan_colleague_fk FOREIGN KEY (colleague_id) REFERENCES person (id) ON DELETE SET NULL,
    CONSTRAINT recovery_plan_shift_unique UNIQUE (person_id, shift_starts_at)
);
CREATE INDEX recovery_plan_remind_idx ON recovery_plan (remind_at);
