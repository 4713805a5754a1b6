-- Notify's Slack: which Slack user a person is, when the directory does not say (its external identity "slack"
-- wins). Found by users.lookupByEmail when a message is first sent, or by users.info when someone unknown uses
-- the slash command. slack_user_id NULL: looked up and not found (Slack is then not used for this person).
CREATE TABLE notify_slack_user (
    person_id     UUID         NOT NULL PRIMARY KEY,
    slack_user_id VARCHAR(40),
    looked_up_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_notify_slack_user_slack ON notify_slack_user (slack_user_id);
