-- Erasure and the rule set's release log (decision 0046). A released set keeps its size when one of its people is
-- erased: their id is replaced by one random token for the whole erasure, marked erased, so that no id of theirs is
-- left and the set still counts them. Each release keeps the figure it published, so that the same set, less whoever
-- was erased since, is given the same answer it was given before instead of one worked out again without them.
ALTER TABLE insights_release ADD COLUMN published VARCHAR(400);
ALTER TABLE insights_release_member ADD COLUMN erased BOOLEAN DEFAULT FALSE NOT NULL;
