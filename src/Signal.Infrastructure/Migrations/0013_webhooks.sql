-- Webhooks (docs/webhooks.md): subscriptions to the audit events, an outbox of deliveries filled by the statement that
-- appends the events (so a delivery commits or rolls back with its change), and every attempt to send one.
CREATE TABLE webhooks (
    id                          text        PRIMARY KEY,
    org_id                      text        NOT NULL,
    url                         text        NOT NULL CHECK (length(url) BETWEEN 1 AND 2048),
    events                      text[]      NOT NULL CHECK (cardinality(events) BETWEEN 1 AND 50),
    description                 text        CHECK (length(description) <= 500),
    enabled                     boolean     NOT NULL,
    disabled_reason             text,
    -- The signing secret and, for a day after a rotation, the one before it: only ever encrypted (enc:v1:…).
    secret_ciphertext           text        NOT NULL CHECK (secret_ciphertext LIKE 'enc:v1:%'),
    previous_secret_ciphertext  text        CHECK (previous_secret_ciphertext LIKE 'enc:v1:%'),
    previous_secret_expires_at  timestamptz,
    consecutive_failures        integer     NOT NULL DEFAULT 0,
    created_at                  timestamptz NOT NULL,
    updated_at                  timestamptz NOT NULL,
    deleted_at                  timestamptz,
    UNIQUE (id, org_id)
);

-- The list (newest first), and the enabled subscriptions an appended event is matched against.
CREATE INDEX webhooks_org_created_idx ON webhooks (org_id, created_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX webhooks_org_enabled_idx ON webhooks (org_id) WHERE enabled AND deleted_at IS NULL;

-- One row per event and subscription (its id is the webhook-id header receivers de-duplicate by). The body is the
-- audit event, read from audit_events when it is sent; a test event carries its own payload.
CREATE TABLE webhook_deliveries (
    id               text        PRIMARY KEY,
    org_id           text        NOT NULL,
    webhook_id       text        NOT NULL,
    event_id         text        REFERENCES audit_events (id),
    event_type       text        NOT NULL,
    payload          jsonb,
    status           text        NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL,
    created_at       timestamptz NOT NULL,
    completed_at     timestamptz,
    FOREIGN KEY (webhook_id, org_id) REFERENCES webhooks (id, org_id),
    CHECK ((event_id IS NULL) <> (payload IS NULL)),
    UNIQUE (event_id, webhook_id)
);

-- Due deliveries, oldest first (the worker's claim); a subscription's log, newest first (ids are time-ordered), by
-- status or not; retention.
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_log_idx ON webhook_deliveries (webhook_id, id DESC);
CREATE INDEX webhook_deliveries_log_status_idx ON webhook_deliveries (webhook_id, status, id DESC);
CREATE INDEX webhook_deliveries_created_idx ON webhook_deliveries (created_at);

CREATE TABLE webhook_attempts (
    delivery_id    text        NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    number         integer     NOT NULL CHECK (number >= 1),
    attempted_at   timestamptz NOT NULL,
    duration_ms    integer     NOT NULL CHECK (duration_ms >= 0),
    status_code    integer,
    error          text,
    response_body  text        CHECK (length(response_body) <= 1024),
    PRIMARY KEY (delivery_id, number)
);
