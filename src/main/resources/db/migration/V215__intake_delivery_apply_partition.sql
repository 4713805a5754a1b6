-- The queue of stored deliveries is split by incident (decision 0052): apply_partition is the incident's key (the
-- source's external id) hashed into one of 16 partitions when the delivery is stored, so that every delivery about
-- one incident is in the same partition. On PostgreSQL each partition is applied by one applier thread at a time
-- (an advisory lock per partition across instances), oldest first, so deliveries about one incident are applied in
-- the order they were stored while other incidents' are applied beside them. Deliveries stored before this
-- migration are all in partition 0, which keeps their order too.
ALTER TABLE intake_delivery ADD COLUMN apply_partition SMALLINT DEFAULT 0 NOT NULL;
CREATE INDEX intake_delivery_partition_idx ON intake_delivery (outcome, apply_partition, seq);
