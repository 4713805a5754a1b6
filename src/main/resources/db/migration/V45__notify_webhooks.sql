-- Notify: outbound webhooks (Standard Webhooks). A subscription is an admin-made endpoint; its signing secret is
-- stored encrypted (Tink, aftercare.notify.webhooks.key-file) and shown once. pseudonym_salt makes the opaque ids
-- in payloads different for every subscription, so two receivers cannot join what they get.
CREATE TABLE notify_webhook_subscription (
    id              UUID          NOT NULL PRIMARY KEY,
    name            VARCHAR(100)  NOT NULL,
    url             VARCHAR(2000) NOT NULL,
    events          VARCHAR(500)  NOT NULL,
    secret_sealed   VARCHAR(1000) NOT NULL,
    pseudonym_salt  VARCHAR(100)  NOT NULL,
    enabled         BOOLEAN       NOT NULL,
    disabled_reason VARCHAR(300),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One event for one subscription: the outbox row (notify_message, channel WEBHOOK, person_id = the subscription's
-- id) has the same id. The body is fixed when the event happens, so every retry sends the same bytes under the same
-- webhook-id. Bodies carry event types, opaque ids and stages only.
CREATE TABLE notify_webhook_delivery (
    message_id      UUID          NOT NULL PRIMARY KEY,
    subscription_id UUID          NOT NULL,
    event_type      VARCHAR(40)   NOT NULL,
    body            VARCHAR(4000) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_notify_webhook_delivery_sub ON notify_webhook_delivery (subscription_id, created_at);

-- Every try, for the subscription's delivery log: when, the HTTP status (NULL: no answer), how long, the outcome.
CREATE TABLE notify_webhook_attempt (
    id              UUID          NOT NULL PRIMARY KEY,
    subscription_id UUID          NOT NULL,
    message_id      UUID          NOT NULL,
    event_type      VARCHAR(40)   NOT NULL,
    attempted_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    status_code     INTEGER,
    duration_ms     INTEGER       NOT NULL,
    outcome         VARCHAR(20)   NOT NULL,
    detail          VARCHAR(300)
);
CREATE INDEX ix_notify_webhook_attempt_sub ON notify_webhook_attempt (subscription_id, attempted_at);
