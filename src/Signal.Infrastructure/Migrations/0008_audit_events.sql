-- Audit events: one per changed resource of every successful write, inserted in the write's own transaction
-- (docs/audit.md). Append-only: a trigger refuses UPDATE, DELETE and TRUNCATE. Each organisation's events form a hash
-- chain in `sequence` order (1, 2, 3… per organisation): hash = sha256(previous_hash || canonical JSON of the event).
-- audit_chain_heads holds each organisation's last sequence and hash; its row lock orders concurrent writers, so the
-- order of the chain is the order in which their transactions commit.
CREATE TABLE audit_events (
    id            text        PRIMARY KEY,
    org_id        text        NOT NULL,
    sequence      bigint      NOT NULL CHECK (sequence > 0),
    action        text        NOT NULL,
    -- `pipeline` for `pipeline.updated`: what the `pipeline.*` filter matches, through its own index.
    action_group  text        NOT NULL GENERATED ALWAYS AS (split_part(action, '.', 1)) STORED,
    resource_type text        NOT NULL,
    resource_id   text        NOT NULL,
    resource_name text,
    actor_type    text        NOT NULL CHECK (actor_type IN ('user', 'service', 'system')),
    actor_id      text        NOT NULL,
    actor_role    text,
    changes       jsonb       NOT NULL,
    context       jsonb       NOT NULL,
    occurred_at   timestamptz NOT NULL,
    previous_hash text        NOT NULL CHECK (previous_hash ~ '^[0-9a-f]{64}$'),
    hash          text        NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
    CONSTRAINT audit_events_org_sequence_key UNIQUE (org_id, sequence)
);

-- Every list filter, each with the newest-first order of the list behind it.
CREATE INDEX audit_events_resource_idx ON audit_events (org_id, resource_id, sequence DESC);
CREATE INDEX audit_events_resource_type_idx ON audit_events (org_id, resource_type, sequence DESC);
CREATE INDEX audit_events_actor_idx ON audit_events (org_id, actor_id, sequence DESC);
CREATE INDEX audit_events_action_idx ON audit_events (org_id, action, sequence DESC);
CREATE INDEX audit_events_action_group_idx ON audit_events (org_id, action_group, sequence DESC);
CREATE INDEX audit_events_occurred_idx ON audit_events (org_id, occurred_at DESC);

CREATE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit events are append-only: % is refused', TG_OP
        USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER audit_events_append_only
    BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();

CREATE TRIGGER audit_events_no_truncate
    BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();

CREATE TABLE audit_chain_heads (
    org_id        text   PRIMARY KEY,
    last_sequence bigint NOT NULL,
    last_hash     text   NOT NULL
);
