-- Care: trigger rules, people's opt-outs, care cases, the incidents in them, their steps (check-in, follow-ups),
-- answers, signed answer links and lead suggestions. Free text is stored only as ciphertext (crypto module).

CREATE TABLE care_rules (
    id                   INT         NOT NULL PRIMARY KEY,
    severity_on          BOOLEAN     NOT NULL,
    max_severity         INT         NOT NULL,
    duration_on          BOOLEAN     NOT NULL,
    min_duration_minutes INT         NOT NULL,
    sleep_on             BOOLEAN     NOT NULL,
    sleep_start          TIME        NOT NULL,
    sleep_end            TIME        NOT NULL,
    commander_on         BOOLEAN     NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by           UUID
);
INSERT INTO care_rules (id, severity_on, max_severity, duration_on, min_duration_minutes, sleep_on, sleep_start,
                        sleep_end, commander_on, updated_at, updated_by)
VALUES (1, TRUE, 3, TRUE, 60, TRUE, TIME '22:00:00', TIME '08:00:00', TRUE, CURRENT_TIMESTAMP, NULL);

CREATE TABLE care_person (
    person_id     UUID    NOT NULL PRIMARY KEY,
    opted_out     BOOLEAN NOT NULL,
    opted_out_at  TIMESTAMP WITH TIME ZONE
);

CREATE TABLE care_case (
    id               UUID        NOT NULL PRIMARY KEY,
    person_id        UUID        NOT NULL,
    origin           VARCHAR(16) NOT NULL,
    stage            VARCHAR(16) NOT NULL,
    muted            BOOLEAN     NOT NULL DEFAULT FALSE,
    opened_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    last_resolved_at TIMESTAMP WITH TIME ZONE,
    closed_at        TIMESTAMP WITH TIME ZONE,
    closed_reason    VARCHAR(16)
);
CREATE INDEX care_case_person_idx ON care_case (person_id, stage);

CREATE TABLE care_case_incident (
    case_id     UUID         NOT NULL,
    person_id   UUID         NOT NULL,
    incident_id UUID         NOT NULL,
    title       VARCHAR(500) NOT NULL,
    severity    VARCHAR(4)   NOT NULL,
    role        VARCHAR(16)  NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    resolved_at TIMESTAMP WITH TIME ZONE NOT NULL,
    reasons     VARCHAR(200) NOT NULL,
    PRIMARY KEY (case_id, incident_id),
    CONSTRAINT care_case_incident_once UNIQUE (person_id, incident_id),
    CONSTRAINT care_case_incident_case_fk FOREIGN KEY (case_id) REFERENCES care_case (id) ON DELETE CASCADE
);

CREATE TABLE care_step (
    id          UUID        NOT NULL PRIMARY KEY,
    case_id     UUID        NOT NULL,
    person_id   UUID        NOT NULL,
    kind        VARCHAR(16) NOT NULL,
    step_day    INT         NOT NULL,
    intended_at TIMESTAMP WITH TIME ZONE NOT NULL,
    due_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    status      VARCHAR(16) NOT NULL,
    pending_at  TIMESTAMP WITH TIME ZONE,
    reminded_at TIMESTAMP WITH TIME ZONE,
    answered_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT care_step_once UNIQUE (case_id, kind, step_day),
    CONSTRAINT care_step_case_fk FOREIGN KEY (case_id) REFERENCES care_case (id) ON DELETE CASCADE
);
CREATE INDEX care_step_person_idx ON care_step (person_id, status);

CREATE TABLE care_check_in_answer (
    step_id         UUID         NOT NULL PRIMARY KEY,
    person_id       UUID         NOT NULL,
    stress          INT          NOT NULL,
    effects         VARCHAR(300) NOT NULL,
    outreach        VARCHAR(20)  NOT NULL,
    note_ciphertext BYTEA,
    answered_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT care_check_in_answer_step_fk FOREIGN KEY (step_id) REFERENCES care_step (id) ON DELETE CASCADE
);

CREATE TABLE care_follow_up_answer (
    step_id         UUID NOT NULL PRIMARY KEY,
    person_id       UUID NOT NULL,
    rumination_1    INT,
    rumination_2    INT,
    rumination_3    INT,
    self_critic_1   INT,
    self_critic_2   INT,
    mistakes_1      INT,
    mistakes_2      INT,
    note_ciphertext BYTEA,
    answered_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT care_follow_up_answer_step_fk FOREIGN KEY (step_id) REFERENCES care_step (id) ON DELETE CASCADE
);

CREATE TABLE care_link (
    token_hash VARCHAR(64) NOT NULL PRIMARY KEY,
    step_id    UUID        NOT NULL,
    person_id  UUID        NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT care_link_step_fk FOREIGN KEY (step_id) REFERENCES care_step (id) ON DELETE CASCADE
);

CREATE TABLE care_suggestion (
    id           UUID NOT NULL PRIMARY KEY,
    person_id    UUID NOT NULL,
    suggested_by UUID NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    responded_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX care_suggestion_person_idx ON care_suggestion (person_id);
