-- Notify: every message to a person is a row here (the outbox), one per (notification, channel, recipient):
-- the unique idempotency key is what makes a redelivered event change nothing. No content is stored: the text is
-- rendered from kind and day when the message is sent or shown.
-- channel: INBOX (shown in the app, SENT at once), EMAIL, SLACK.
-- status: PENDING (waits for not_before), SENT, DEAD (failed for good; admins see and retry it).
-- A worker claims a row by setting claimed_by/claimed_until on a PENDING row with no live claim.
CREATE TABLE notify_message (
    id              UUID          NOT NULL PRIMARY KEY,
    idempotency_key VARCHAR(300)  NOT NULL,
    person_id       UUID          NOT NULL,
    channel         VARCHAR(20)   NOT NULL,
    kind            VARCHAR(30)   NOT NULL,
    step_id         UUID,
    case_id         UUID,
    step_day        INTEGER       NOT NULL DEFAULT 0,
    reminder        BOOLEAN       NOT NULL DEFAULT FALSE,
    status          VARCHAR(20)   NOT NULL,
    not_before      TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts        INTEGER       NOT NULL DEFAULT 0,
    claimed_by      VARCHAR(100),
    claimed_until   TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(300),
    last_attempt_at TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE,
    read_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_notify_message_key UNIQUE (idempotency_key)
);
CREATE INDEX ix_notify_message_due ON notify_message (status, not_before);
CREATE INDEX ix_notify_message_person ON notify_message (person_id, channel, created_at);

-- A person's own choices. channels: outward channels in order of preference (comma separated, may be empty).
-- quiet_start/quiet_end/weekend_days: overrides of the directory's values for messages (NULL: the directory's).
CREATE TABLE notify_preference (
    person_id    UUID         NOT NULL PRIMARY KEY,
    channels     VARCHAR(100) NOT NULL,
    quiet_start  TIME,
    quiet_end    TIME,
    weekend_days VARCHAR(100),
    paused_until DATE,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
