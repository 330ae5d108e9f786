-- Progressive rollouts (docs/rollouts.md): a revision of a template taken to the pipelines a selector matches, in waves.
CREATE TABLE rollouts (
    id                     text        PRIMARY KEY,
    org_id                 text        NOT NULL,
    integration_id         text        NOT NULL,
    revision_id            text        NOT NULL,
    selector_labels        text[]      NOT NULL,
    selector_pipeline_ids  text[]      NOT NULL,
    bake_minutes           integer     NOT NULL CHECK (bake_minutes BETWEEN 0 AND 1440),
    gate_max_failure_rate  double precision CHECK (gate_max_failure_rate BETWEEN 0 AND 1),
    gate_min_events        bigint      CHECK (gate_min_events >= 1),
    status                 text        NOT NULL CHECK (status IN ('running', 'paused', 'completed', 'rolled_back', 'aborted')),
    current_wave           integer     NOT NULL CHECK (current_wave >= 1),
    reason                 text,
    created_by             text        NOT NULL,
    created_at             timestamptz NOT NULL,
    updated_at             timestamptz NOT NULL,
    CHECK ((gate_max_failure_rate IS NULL) = (gate_min_events IS NULL)),
    UNIQUE (id, org_id),
    FOREIGN KEY (integration_id, org_id) REFERENCES integration_templates (id, org_id),
    FOREIGN KEY (revision_id, integration_id) REFERENCES integration_revisions (id, integration_id)
);

-- The list (newest first), alone or filtered by status or template; the worker walks the running ones by id.
CREATE INDEX rollouts_org_created_idx ON rollouts (org_id, created_at DESC, id DESC);
CREATE INDEX rollouts_org_status_created_idx ON rollouts (org_id, status, created_at DESC, id DESC);
CREATE INDEX rollouts_org_integration_created_idx ON rollouts (org_id, integration_id, created_at DESC, id DESC);
CREATE INDEX rollouts_running_idx ON rollouts (id) WHERE status = 'running';

CREATE TABLE rollout_waves (
    rollout_id    text        NOT NULL REFERENCES rollouts (id),
    number        integer     NOT NULL CHECK (number >= 1),
    percent       integer     NOT NULL CHECK (percent BETWEEN 1 AND 100),
    status        text        NOT NULL CHECK (status IN ('pending', 'deployed', 'completed', 'rolled_back', 'cancelled')),
    started_at    timestamptz,
    completed_at  timestamptz,
    PRIMARY KEY (rollout_id, number)
);

-- One row per pipeline a rollout changes, with the revision it had before (what a rollback restores).
CREATE TABLE rollout_targets (
    rollout_id               text        NOT NULL,
    pipeline_integration_id  text        NOT NULL REFERENCES pipeline_integrations (id),
    wave_number              integer     NOT NULL,
    pipeline_id              text        NOT NULL,
    from_revision_id         text        NOT NULL REFERENCES integration_revisions (id),
    status                   text        NOT NULL CHECK (status IN ('pending', 'deployed', 'rolled_back', 'cancelled', 'removed')),
    deployed_at              timestamptz,
    PRIMARY KEY (rollout_id, pipeline_integration_id),
    FOREIGN KEY (rollout_id, wave_number) REFERENCES rollout_waves (rollout_id, number)
);

-- The running or paused rollout that owns a pipeline integration's revision. Kept on the row itself so that a manual
-- update, which locks the row, always sees it (a rollout being created locks and writes the same row first).
ALTER TABLE pipeline_integrations ADD COLUMN active_rollout_id text REFERENCES rollouts (id);
CREATE INDEX pipeline_integrations_active_rollout_idx ON pipeline_integrations (active_rollout_id) WHERE active_rollout_id IS NOT NULL;

-- Only what the feed shows moves the feed: a rollout taking or releasing a pipeline integration does not.
DROP TRIGGER pipeline_integrations_feed_version ON pipeline_integrations;
CREATE TRIGGER pipeline_integrations_feed_version_insert
    AFTER INSERT ON pipeline_integrations
    FOR EACH ROW EXECUTE FUNCTION pipeline_integrations_touch_pipeline();
CREATE TRIGGER pipeline_integrations_feed_version_update
    AFTER UPDATE ON pipeline_integrations
    FOR EACH ROW
    WHEN (OLD.revision_id IS DISTINCT FROM NEW.revision_id OR OLD.enabled IS DISTINCT FROM NEW.enabled
          OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at)
    EXECUTE FUNCTION pipeline_integrations_touch_pipeline();
