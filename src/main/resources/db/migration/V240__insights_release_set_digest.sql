-- The release log read without its members (docs/insights.md, rule 5). Each release keeps its set's size when it was
-- released, how many in it have been erased since, and the SHA-256 of the ids of the others (sorted): a set released
-- before is then found by its digest instead of by reading back every member of every earlier set. A release of a
-- set the viewer already has in the log (the same people under another figure or window, as a poll round's
-- respondents under each of its figures) keeps no members of its own: members_of names the release that holds them.
-- Releases logged before this are given their size and digest the first time their viewer's log is read.
ALTER TABLE insights_release ADD COLUMN set_size INTEGER;
ALTER TABLE insights_release ADD COLUMN erased_count INTEGER;
ALTER TABLE insights_release ADD COLUMN set_digest VARCHAR(64);
ALTER TABLE insights_release ADD COLUMN members_of UUID;
CREATE INDEX insights_release_members_of ON insights_release (members_of);
CREATE INDEX insights_release_member_person ON insights_release_member (person_id);
