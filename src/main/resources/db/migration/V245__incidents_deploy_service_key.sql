-- A deploy's service in lower case, indexed with when it was shipped: the batting average counts a person's changes
-- by team or by service (case aside) on every view of My aftercare, and LOWER(service) in that count could use no
-- index, so each count read every deploy there is.
ALTER TABLE deploy_event ADD COLUMN service_key VARCHAR(200);
UPDATE deploy_event SET service_key = LOWER(service);
ALTER TABLE deploy_event ALTER COLUMN service_key SET NOT NULL;
CREATE INDEX deploy_event_service_key_idx ON deploy_event (service_key, deployed_at);
-- the index on the service as written served no query
DROP INDEX deploy_event_service_idx;
