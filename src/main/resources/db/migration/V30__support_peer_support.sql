-- Peer support (three tiers): the outreach record of each care case, teammate nudges, the supporter roster and
-- programme settings, support requests and their assignments, coordinator notices, and professional resources.
-- Holds no scores and no answers; the one free text (what a person chose to tell their supporter) is ciphertext.

CREATE TABLE support_case (
    case_id           UUID        NOT NULL PRIMARY KEY,
    person_id         UUID        NOT NULL,
    opened_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    incident_ids      VARCHAR(2000) NOT NULL,
    outreach          VARCHAR(20),
    first_outreach_at TIMESTAMP WITH TIME ZONE,
    first_outreach_by UUID
);
CREATE INDEX support_case_person_idx ON support_case (person_id);

CREATE TABLE support_case_incident (
    case_id     UUID NOT NULL,
    person_id   UUID NOT NULL,
    incident_id UUID NOT NULL,
    PRIMARY KEY (case_id, incident_id)
);
CREATE INDEX support_case_incident_idx ON support_case_incident (incident_id, person_id);

CREATE TABLE support_nudge (
    id              UUID        NOT NULL PRIMARY KEY,
    case_id         UUID        NOT NULL,
    about_person_id UUID        NOT NULL,
    nudged_id       UUID        NOT NULL,
    relation        VARCHAR(16) NOT NULL,
    status          VARCHAR(16) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    deliver_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    delivered_at    TIMESTAMP WITH TIME ZONE,
    reached_out_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT support_nudge_once UNIQUE (case_id, nudged_id)
);
CREATE INDEX support_nudge_nudged_idx ON support_nudge (nudged_id, status);

CREATE TABLE support_supporter (
    person_id       UUID         NOT NULL PRIMARY KEY,
    weekly_capacity INT          NOT NULL,
    languages       VARCHAR(200) NOT NULL,
    work_start      TIME         NOT NULL,
    work_end        TIME         NOT NULL,
    on_break        BOOLEAN      NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE support_settings (
    id                    INT     NOT NULL PRIMARY KEY,
    exclude_same_team     BOOLEAN NOT NULL,
    exclude_same_line     BOOLEAN NOT NULL,
    offer_min_stress      INT     NOT NULL,
    offer_needs_sleep     BOOLEAN NOT NULL,
    offer_min_rumination  DECIMAL(3, 1) NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by            UUID
);
INSERT INTO support_settings (id, exclude_same_team, exclude_same_line, offer_min_stress, offer_needs_sleep,
                              offer_min_rumination, updated_at, updated_by)
VALUES (1, TRUE, TRUE, 4, TRUE, 4.0, CURRENT_TIMESTAMP, NULL);

CREATE TABLE support_request (
    id                 UUID        NOT NULL PRIMARY KEY,
    person_id          UUID        NOT NULL,
    case_id            UUID,
    origin             VARCHAR(16) NOT NULL,
    status             VARCHAR(16) NOT NULL,
    supporter_id       UUID,
    assignment_id      UUID,
    note_ciphertext    BYTEA,
    share_incident     BOOLEAN     NOT NULL,
    requested_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    acknowledged_at    TIMESTAMP WITH TIME ZONE,
    contact_made_at    TIMESTAMP WITH TIME ZONE,
    closed_at          TIMESTAMP WITH TIME ZONE,
    closed_by          VARCHAR(16)
);
CREATE INDEX support_request_person_idx ON support_request (person_id, status);
CREATE INDEX support_request_supporter_idx ON support_request (supporter_id, status);

CREATE TABLE support_assignment (
    id              UUID        NOT NULL PRIMARY KEY,
    request_id      UUID        NOT NULL,
    supporter_id    UUID        NOT NULL,
    assigned_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    ack_due_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome         VARCHAR(16) NOT NULL,
    ended_at        TIMESTAMP WITH TIME ZONE,
    CONSTRAINT support_assignment_request_fk FOREIGN KEY (request_id) REFERENCES support_request (id) ON DELETE CASCADE
);
CREATE INDEX support_assignment_supporter_idx ON support_assignment (supporter_id, assigned_at);
CREATE INDEX support_assignment_request_idx ON support_assignment (request_id);

CREATE TABLE support_notice (
    id         UUID        NOT NULL PRIMARY KEY,
    request_id UUID        NOT NULL,
    kind       VARCHAR(32) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    resolved_at TIMESTAMP WITH TIME ZONE
);

CREATE TABLE support_resource (
    id          UUID         NOT NULL PRIMARY KEY,
    country     VARCHAR(64)  NOT NULL,
    language    VARCHAR(32)  NOT NULL,
    kind        VARCHAR(16)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    description VARCHAR(1000) NOT NULL,
    contact     VARCHAR(200) NOT NULL,
    url         VARCHAR(500) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
