-- The teams a person was in when a care case of theirs was opened (a membership snapshot): team figures count the
-- case in those teams, whatever team the person moves to later. Cases opened before this migration take the teams
-- their person was in when it ran. No foreign key to the directory's team table: a deleted team's cases stay counted
-- in the organisation and nowhere else.
CREATE TABLE care_case_team (
    case_id UUID NOT NULL,
    team_id UUID NOT NULL,
    PRIMARY KEY (case_id, team_id),
    CONSTRAINT care_case_team_case_fk FOREIGN KEY (case_id) REFERENCES care_case (id) ON DELETE CASCADE
);
CREATE INDEX care_case_team_team_idx ON care_case_team (team_id, case_id);

INSERT INTO care_case_team (case_id, team_id)
SELECT c.id, m.team_id FROM care_case c JOIN team_member m ON m.person_id = c.person_id;
