-- Lists can be sorted by created_at, updated_at or name, either way (sort=name:asc, …). Each order has an index per
-- organisation that PostgreSQL reads forwards or backwards; created_at's already exist (0002, 0003).
CREATE INDEX pipelines_org_updated_idx ON pipelines (org_id, updated_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX pipelines_org_name_idx ON pipelines (org_id, lower(name), id) WHERE deleted_at IS NULL;
CREATE INDEX integration_templates_org_updated_idx
    ON integration_templates (org_id, updated_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX integration_templates_org_name_idx
    ON integration_templates (org_id, lower(name), id) WHERE deleted_at IS NULL;
