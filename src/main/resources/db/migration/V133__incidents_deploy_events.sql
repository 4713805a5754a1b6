-- Deploys (changes shipped), reported through POST /api/v1/events with type "deploy": what a person's batting
-- average counts incidents against ("1 incident in 412 changes this year"). No person is named in a deploy.
CREATE TABLE deploy_event (
    id          UUID          NOT NULL PRIMARY KEY,
    external_id VARCHAR(200)  NOT NULL,
    service     VARCHAR(200)  NOT NULL,
    team_id     UUID,
    url         VARCHAR(2000),
    deployed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT deploy_event_external_unique UNIQUE (external_id),
    CONSTRAINT deploy_event_team_fk FOREIGN KEY (team_id) REFERENCES team (id) ON DELETE SET NULL
);
CREATE INDEX deploy_event_service_idx ON deploy_event (service, deployed_at);
CREATE INDEX deploy_event_team_idx ON deploy_event (team_id, deployed_at);
