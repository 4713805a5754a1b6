-- Deliveries are stored first and applied afterwards (decision 0011): a delivery whose incident event is not applied
-- yet has outcome QUEUED; the applier takes them oldest first, so they are found by (outcome, seq).
-- apply_attempts counts failed tries, so that a delivery that can never be applied stops being retried.
ALTER TABLE intake_delivery ADD COLUMN apply_attempts INTEGER DEFAULT 0 NOT NULL;
CREATE INDEX intake_delivery_outcome_idx ON intake_delivery (outcome, seq);
