-- Incidents, their responders and a timeline of what happened to them.
-- incident_timeline: kind is CREATED, UPDATED, ACKNOWLEDGED, RESPONDER_ADDED, ROLE_CHANGED or RESOLVED;
-- actor_id is who did it (NULL: the source did), person_id whom it was about, detail a role where one applies.

CREATE TABLE incident (
    id              UUID          NOT NULL PRIMARY KEY,
    title           VARCHAR(500)  NOT NULL,
    severity        VARCHAR(4)    NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    service         VARCHAR(200),
    team_id         UUID,
    source          VARCHAR(40)   NOT NULL,
    external_id     VARCHAR(200),
    url             VARCHAR(2000),
    started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    acknowledged_at TIMESTAMP WITH TIME ZONE,
    resolved_at     TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT incident_source_external_unique UNIQUE (source, external_id),
    CONSTRAINT incident_team_fk FOREIGN KEY (team_id) REFERENCES team (id) ON DELETE SET NULL
);
CREATE INDEX incident_started_idx ON incident (started_at);
CREATE INDEX incident_status_idx ON incident (status);
CREATE INDEX incident_team_idx ON incident (team_id, started_at);

CREATE TABLE incident_responder (
    incident_id UUID        NOT NULL,
    person_id   UUID        NOT NULL,
    role        VARCHAR(16) NOT NULL,
    joined_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (incident_id, person_id),
    CONSTRAINT incident_responder_incident_fk FOREIGN KEY (incident_id) REFERENCES incident (id) ON DELETE CASCADE,
    CONSTRAINT incident_responder_person_fk FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE
);
CREATE INDEX incident_responder_person_idx ON incident_responder (person_id);

CREATE TABLE incident_timeline (
    id          UUID         NOT NULL PRIMARY KEY,
    incident_id UUID         NOT NULL,
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    kind        VARCHAR(40)  NOT NULL,
    detail      VARCHAR(1000),
    actor_id    UUID,
    person_id   UUID,
    CONSTRAINT incident_timeline_incident_fk FOREIGN KEY (incident_id) REFERENCES incident (id) ON DELETE CASCADE,
    CONSTRAINT incident_timeline_actor_fk FOREIGN KEY (actor_id) REFERENCES person (id) ON DELETE SET NULL,
    CONSTRAINT incident_timeline_person_fk FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE SET NULL
);
CREATE INDEX incident_timeline_incident_idx ON incident_timeline (incident_id, at);
