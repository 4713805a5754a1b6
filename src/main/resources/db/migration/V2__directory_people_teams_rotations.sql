-- Directory: people, their external identities, teams and on-call rotations.

CREATE TABLE person (
    id               UUID         NOT NULL PRIMARY KEY,
    name             VARCHAR(200) NOT NULL,
    email            VARCHAR(320) NOT NULL,
    email_normalized VARCHAR(320) NOT NULL,
    time_zone        VARCHAR(64)  NOT NULL,
    quiet_start      TIME         NOT NULL,
    quiet_end        TIME         NOT NULL,
    weekend_days     VARCHAR(80)  NOT NULL,
    manager_id       UUID,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT person_email_unique UNIQUE (email_normalized),
    CONSTRAINT person_manager_fk FOREIGN KEY (manager_id) REFERENCES person (id) ON DELETE SET NULL
);

CREATE TABLE person_identity (
    person_id   UUID         NOT NULL,
    provider    VARCHAR(40)  NOT NULL,
    external_id VARCHAR(200) NOT NULL,
    PRIMARY KEY (person_id, provider),
    CONSTRAINT person_identity_unique UNIQUE (provider, external_id),
    CONSTRAINT person_identity_person_fk FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE
);

CREATE TABLE team (
    id              UUID         NOT NULL PRIMARY KEY,
    name            VARCHAR(200) NOT NULL,
    name_normalized VARCHAR(200) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT team_name_unique UNIQUE (name_normalized)
);

CREATE TABLE team_member (
    team_id   UUID    NOT NULL,
    person_id UUID    NOT NULL,
    is_lead   BOOLEAN NOT NULL DEFAULT FALSE,
    joined_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (team_id, person_id),
    CONSTRAINT team_member_team_fk FOREIGN KEY (team_id) REFERENCES team (id) ON DELETE CASCADE,
    CONSTRAINT team_member_person_fk FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE
);
CREATE INDEX team_member_person_idx ON team_member (person_id);

CREATE TABLE rotation (
    id                 UUID         NOT NULL PRIMARY KEY,
    team_id            UUID         NOT NULL,
    name               VARCHAR(200) NOT NULL,
    shift_length_hours INT          NOT NULL,
    handoff_time       TIME         NOT NULL,
    time_zone          VARCHAR(64)  NOT NULL,
    starts_on          DATE         NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT rotation_team_fk FOREIGN KEY (team_id) REFERENCES team (id) ON DELETE CASCADE
);
CREATE INDEX rotation_team_idx ON rotation (team_id);

CREATE TABLE rotation_member (
    rotation_id UUID NOT NULL,
    position    INT  NOT NULL,
    person_id   UUID NOT NULL,
    PRIMARY KEY (rotation_id, position),
    CONSTRAINT rotation_member_rotation_fk FOREIGN KEY (rotation_id) REFERENCES rotation (id) ON DELETE CASCADE,
    CONSTRAINT rotation_member_person_fk FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE
);

CREATE TABLE rotation_override (
    id          UUID NOT NULL PRIMARY KEY,
    rotation_id UUID NOT NULL,
    person_id   UUID NOT NULL,
    starts_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT rotation_override_rotation_fk FOREIGN KEY (rotation_id) REFERENCES rotation (id) ON DELETE CASCADE,
    CONSTRAINT rotation_override_person_fk FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE
);
CREATE INDEX rotation_override_rotation_idx ON rotation_override (rotation_id, starts_at);
