-- btree_gin lets one GIN index lead with org_id, so a tenant's search or label filter never scans other tenants.
CREATE EXTENSION IF NOT EXISTS btree_gin;

CREATE TABLE pipelines (
    id                        text        PRIMARY KEY,
    org_id                    text        NOT NULL,
    name                      text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    slug                      text        NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 100),
    type                      text        NOT NULL CHECK (type IN ('web', 'app', 'server')),
    -- The key secret, only ever encrypted (enc:v1:…), and its first 7 characters to tell secrets apart.
    secret_ciphertext         text        NOT NULL CHECK (secret_ciphertext LIKE 'enc:v1:%'),
    secret_prefix             text        NOT NULL CHECK (length(secret_prefix) = 7),
    domain_allowlist          text[]      NOT NULL DEFAULT '{}',
    labels                    text[]      NOT NULL DEFAULT '{}' CHECK (cardinality(labels) <= 50),
    rate_limit_rps            integer     NOT NULL CHECK (rate_limit_rps BETWEEN 1 AND 1000000),
    challenge_token_required  boolean     NOT NULL,
    parameters                jsonb       NOT NULL CHECK (jsonb_typeof(parameters) = 'object'),
    config                    jsonb       NOT NULL CHECK (jsonb_typeof(config) = 'object'),
    js_builder_config         jsonb       NOT NULL CHECK (jsonb_typeof(js_builder_config) = 'object'),
    identity_config           jsonb       NOT NULL CHECK (jsonb_typeof(identity_config) = 'object'),
    enabled                   boolean     NOT NULL,
    created_at                timestamptz NOT NULL,
    updated_at                timestamptz NOT NULL,
    deleted_at                timestamptz,
    UNIQUE (id, org_id)
);

-- A slug is unique within the org among pipelines that are not deleted.
CREATE UNIQUE INDEX pipelines_org_slug_key ON pipelines (org_id, slug) WHERE deleted_at IS NULL;
-- The list (newest first) and each of its filters: search on name or slug, labels (all must match), type, enabled.
CREATE INDEX pipelines_org_created_idx ON pipelines (org_id, created_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX pipelines_name_trgm_idx ON pipelines USING gin (org_id, lower(name) gin_trgm_ops) WHERE deleted_at IS NULL;
CREATE INDEX pipelines_slug_trgm_idx ON pipelines USING gin (org_id, slug gin_trgm_ops) WHERE deleted_at IS NULL;
CREATE INDEX pipelines_labels_idx ON pipelines USING gin (org_id, labels) WHERE deleted_at IS NULL;
CREATE INDEX pipelines_org_type_created_idx ON pipelines (org_id, type, created_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX pipelines_org_enabled_created_idx ON pipelines (org_id, enabled, created_at DESC, id DESC) WHERE deleted_at IS NULL;

CREATE TABLE collector_builds (
    id               text        PRIMARY KEY,
    org_id           text        NOT NULL,
    pipeline_id      text        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('building', 'ready', 'failed')),
    filename         text,
    version_hash     text,
    file_size_bytes  integer,
    content          text,
    error            text,
    requested_at     timestamptz NOT NULL,
    built_at         timestamptz,
    FOREIGN KEY (pipeline_id, org_id) REFERENCES pipelines (id, org_id),
    CHECK (status <> 'ready' OR (content IS NOT NULL AND version_hash IS NOT NULL AND filename IS NOT NULL))
);

-- At most one queued or running build per pipeline: a second request finds the first.
CREATE UNIQUE INDEX collector_builds_one_building_key ON collector_builds (pipeline_id) WHERE status = 'building';
-- The worker's queue, oldest first.
CREATE INDEX collector_builds_queue_idx ON collector_builds (requested_at, id) WHERE status = 'building';
-- Status and download: a pipeline's newest builds.
CREATE INDEX collector_builds_pipeline_idx ON collector_builds (pipeline_id, requested_at DESC);
