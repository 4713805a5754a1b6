-- Team insight reads a month of cases by when they opened, and the follow-ups answered in a month: without these,
-- every figure's read went through all of care's cases and follow-up answers.
CREATE INDEX care_case_opened_idx ON care_case (opened_at);
CREATE INDEX care_follow_up_answer_answered_idx ON care_follow_up_answer (answered_at);
