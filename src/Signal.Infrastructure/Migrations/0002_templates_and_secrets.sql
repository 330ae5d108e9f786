-- Per-organisation data keys for envelope encryption of secrets (docs/secrets.md). The key material is stored only wrapped
-- (AES-256-GCM) by a master key that lives in configuration, never here.
CREATE TABLE org_data_keys (
    id             text        PRIMARY KEY,
    org_id         text        NOT NULL UNIQUE,
    master_key_id  text        NOT NULL,
    wrapped_key    bytea       NOT NULL,
    created_at     timestamptz NOT NULL,
    rewrapped_at   timestamptz
);

CREATE TABLE integration_templates (
    id                      text        PRIMARY KEY,
    org_id                  text        NOT NULL,
    name                    text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    vendor                  text        NOT NULL,
    description             text        CHECK (length(description) <= 1000),
    catalog_vendor_key      text,
    catalog_variant_key     text,
    latest_revision_number  integer     CHECK (latest_revision_number >= 1),
    created_at              timestamptz NOT NULL,
    updated_at              timestamptz NOT NULL,
    deleted_at              timestamptz,
    UNIQUE (id, org_id)
);

-- A name is unique within the org, ignoring case, among templates that are not deleted.
CREATE UNIQUE INDEX integration_templates_org_name_key
    ON integration_templates (org_id, lower(name)) WHERE deleted_at IS NULL;
-- The list: newest first, optionally by vendor; search by case-insensitive substring of the name.
CREATE INDEX integration_templates_org_created_idx
    ON integration_templates (org_id, created_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX integration_templates_org_vendor_created_idx
    ON integration_templates (org_id, vendor, created_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX integration_templates_name_trgm_idx
    ON integration_templates USING gin (lower(name) gin_trgm_ops) WHERE deleted_at IS NULL;

CREATE TABLE integration_revisions (
    id               text        PRIMARY KEY,
    org_id           text        NOT NULL,
    integration_id   text        NOT NULL,
    revision_number  integer     NOT NULL CHECK (revision_number >= 1),
    config           jsonb       NOT NULL CHECK (jsonb_typeof(config) = 'object'),
    delivery_mode    text        NOT NULL CHECK (delivery_mode IN ('server_side', 'client_side')),
    change_summary   text        CHECK (length(change_summary) <= 500),
    created_by       text        NOT NULL,
    created_at       timestamptz NOT NULL,
    -- Same organisation as its template, always.
    FOREIGN KEY (integration_id, org_id) REFERENCES integration_templates (id, org_id),
    -- No gaps (the template row lock) and no duplicates (this) under concurrent creates.
    UNIQUE (integration_id, revision_number)
);

-- Revisions are immutable: the database refuses any UPDATE, whatever the code does.
CREATE FUNCTION integration_revisions_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'integration revisions are immutable; create a new revision instead'
        USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER integration_revisions_immutable
    BEFORE UPDATE ON integration_revisions
    FOR EACH ROW EXECUTE FUNCTION integration_revisions_refuse_update();
