-- A template assigned to a pipeline, pinned at one revision of that template.
ALTER TABLE integration_revisions ADD UNIQUE (id, integration_id);

CREATE TABLE pipeline_integrations (
    id              text        PRIMARY KEY,
    org_id          text        NOT NULL,
    pipeline_id     text        NOT NULL,
    integration_id  text        NOT NULL,
    revision_id     text        NOT NULL,
    enabled         boolean     NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    deleted_at      timestamptz,
    -- Pipeline and template of the same organisation, and a revision of that very template.
    FOREIGN KEY (pipeline_id, org_id) REFERENCES pipelines (id, org_id),
    FOREIGN KEY (integration_id, org_id) REFERENCES integration_templates (id, org_id),
    FOREIGN KEY (revision_id, integration_id) REFERENCES integration_revisions (id, integration_id)
);

-- One live assignment per pipeline and template.
CREATE UNIQUE INDEX pipeline_integrations_pipeline_template_key
    ON pipeline_integrations (pipeline_id, integration_id) WHERE deleted_at IS NULL;
-- Where a template is used (template delete, GET …/integration-templates/{id}/pipelines).
CREATE INDEX pipeline_integrations_template_idx ON pipeline_integrations (integration_id) WHERE deleted_at IS NULL;

-- The processor feed's version: one counter, bumped in the transaction of every change that affects the feed. Its row
-- lock orders those transactions, so versions are committed in increasing order and `since` never misses a change.
CREATE TABLE feed_state (
    singleton  boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    version    bigint  NOT NULL
);
INSERT INTO feed_state (version) VALUES (0);

-- The version at which each pipeline (or one of its assignments) last changed: `since` reads pipelines above it.
ALTER TABLE pipelines ADD COLUMN feed_version bigint NOT NULL DEFAULT 0;
CREATE INDEX pipelines_feed_version_idx ON pipelines (feed_version);

-- Any change to a pipeline takes the transaction's version: the first change of a transaction bumps the counter and
-- tells every API instance (NOTIFY is sent at commit); later changes in the same transaction reuse that version,
-- kept in a transaction-local setting, so a bulk change costs one bump, not one per row.
CREATE FUNCTION pipelines_take_feed_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    taken text := current_setting('signal.feed_version', true);
BEGIN
    IF taken IS NULL OR taken = '' THEN
        UPDATE feed_state SET version = version + 1 RETURNING version INTO NEW.feed_version;
        PERFORM set_config('signal.feed_version', NEW.feed_version::text, true);
        PERFORM pg_notify('signal_feed', NEW.feed_version::text);
    ELSE
        NEW.feed_version := taken::bigint;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER pipelines_feed_version
    BEFORE INSERT OR UPDATE ON pipelines
    FOR EACH ROW EXECUTE FUNCTION pipelines_take_feed_version();

-- A change to an assignment is a change to its pipeline's feed entry.
CREATE FUNCTION pipeline_integrations_touch_pipeline() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE pipelines SET feed_version = feed_version WHERE id = NEW.pipeline_id;
    RETURN NULL;
END;
$$;

CREATE TRIGGER pipeline_integrations_feed_version
    AFTER INSERT OR UPDATE ON pipeline_integrations
    FOR EACH ROW EXECUTE FUNCTION pipeline_integrations_touch_pipeline();
