-- Erasure (decision 0016). An erased responder stays on their incidents as "a responder": their row keeps its role
-- and time under a fresh id that names nobody, so the responder reference can no longer point into the directory.
-- A lead's care suggestion and an erased supporter's assignments outlive the one who made or held them.
ALTER TABLE incident_responder DROP CONSTRAINT incident_responder_person_fk;
ALTER TABLE care_suggestion ALTER COLUMN suggested_by DROP NOT NULL;
ALTER TABLE support_assignment ALTER COLUMN supporter_id DROP NOT NULL;
