-- Notify: a rate limit per (channel, recipient) for channels that have one (Slack: about one message a second per
-- conversation; a webhook receiver that asks for it). A worker takes the slot with one conditional UPDATE
-- (next_at <= now): atomic on H2 and PostgreSQL, so two instances never both send inside one interval.
CREATE TABLE notify_rate_slot (
    channel      VARCHAR(20) NOT NULL,
    recipient_id UUID        NOT NULL,
    next_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_notify_rate_slot PRIMARY KEY (channel, recipient_id)
);
