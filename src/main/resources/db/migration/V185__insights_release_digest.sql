-- Rule 5's release log, read faster: each released set's size and fingerprint (SHA-256 over its people's ids in
-- order), so that a set released before is found by one indexed lookup instead of reading every set of the figure
-- back (thousands of rows a figure on the organisation's view and on a poll's results). Sets logged before this have
-- none: the rule set then reads the sets as before.
ALTER TABLE insights_release ADD COLUMN people_count INT;
ALTER TABLE insights_release ADD COLUMN people_digest VARCHAR(64);
CREATE INDEX insights_release_viewer_digest ON insights_release (viewer_id, figure, people_digest);
