-- Back on the horse: a person may share a plan with the leads of the shift's team. When it was shared, or NULL
-- while it is not (the default). Only the plan (kind, colleague, shift) is ever shown to the leads, never why.
ALTER TABLE recovery_plan ADD COLUMN shared_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX recovery_plan_team_shared_idx ON recovery_plan (team_id, shift_ends_at);
