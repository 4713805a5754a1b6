-- Deliveries are stored first and applied afterwards (decision 0011): a delivery whose incident event is not applied
-- yet has outcome QUEUED; the applier takes them oldest first, so they are found by (outcome, seq).
-- apply_attempts counts failed tries, so that a delivery that can never be applied stops being retried.
ALTER TABLE intake_delivery ADD COLUMN apply_attempts INTEGER DEFAULT 0 NOT NULL;
CREATE INDEX intake_delivery_outcome_idx ON intake_delivery (outcome, seq);

-- The raw payload moves to a table of its own: it is written once and never changed, while a delivery's row changes
-- when it is applied; kept apart, applying a delivery rewrites a small row, not the payload with it.
CREATE TABLE intake_delivery_payload (
    delivery_id UUID NOT NULL PRIMARY KEY,
    payload     TEXT NOT NULL,
    CONSTRAINT intake_delivery_payload_delivery_fk FOREIGN KEY (delivery_id) REFERENCES intake_delivery (id)
        ON DELETE CASCADE
);
INSERT INTO intake_delivery_payload (delivery_id, payload)
    SELECT id, payload FROM intake_delivery WHERE payload IS NOT NULL;
ALTER TABLE intake_delivery DROP COLUMN payload;
