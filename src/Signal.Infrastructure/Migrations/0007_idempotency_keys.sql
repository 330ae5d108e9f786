-- Idempotency-Key: the first successful response of a create or rotate, stored in the same transaction as the work and
-- replayed for the same key. A key belongs to one organisation, user and operation. The response is encrypted (it can
-- hold a new pipeline secret); the fingerprint is a SHA-256 of the request. Rows older than the retention (24 h) are
-- ignored and deleted by the cleanup job.
CREATE TABLE idempotency_keys (
    org_id              text        NOT NULL,
    user_id             text        NOT NULL,
    operation           text        NOT NULL,
    key                 text        NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
    fingerprint         text        NOT NULL,
    response_ciphertext text        NOT NULL,
    created_at          timestamptz NOT NULL,
    PRIMARY KEY (org_id, user_id, operation, key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);
