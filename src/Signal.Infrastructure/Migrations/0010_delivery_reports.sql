-- Delivery reports from the event processors (docs/delivery-health.md): per-window counts per pipeline integration.
-- One row per (pipeline integration, window start, processor): a processor that sends a window again replaces it.
-- A report's window is at most an hour, so "windows ending after T" are found among "windows starting after T - 1 h"
-- through the primary key.
CREATE TABLE delivery_reports (
    pipeline_integration_id text        NOT NULL,
    window_start            timestamptz NOT NULL,
    processor_id            text        NOT NULL,
    org_id                  text        NOT NULL,
    window_end              timestamptz NOT NULL,
    revision_number         integer     NOT NULL,
    delivered               bigint      NOT NULL CHECK (delivered >= 0),
    failed                  bigint      NOT NULL CHECK (failed >= 0),
    last_error_code         text,
    last_error_message      text,
    last_error_at           timestamptz,
    received_at             timestamptz NOT NULL,
    PRIMARY KEY (pipeline_integration_id, window_start, processor_id),
    CHECK (window_end > window_start AND window_end <= window_start + interval '1 hour')
);

-- The retention cleanup deletes by age.
CREATE INDEX delivery_reports_window_end_idx ON delivery_reports (window_end);

-- One row per live pipeline integration (kept so by the triggers below): its totals over the window
-- (Delivery:WindowMinutes) and its status, so that neither a status nor the worst-first list ever sums raw reports.
-- The totals are recomputed from the reports whenever a batch touches the pipeline integration, and by the maintenance
-- job once its oldest counted report (counted_from) has left the window; the job also turns stale statuses unknown.
-- The last_* columns only move forward.
CREATE TABLE delivery_rollups (
    pipeline_integration_id text        PRIMARY KEY,
    org_id                  text        NOT NULL,
    pipeline_id             text        NOT NULL,
    integration_id          text        NOT NULL,
    delivered               bigint      NOT NULL DEFAULT 0,
    failed                  bigint      NOT NULL DEFAULT 0,
    failure_rate            double precision GENERATED ALWAYS AS
                                (CASE WHEN delivered + failed > 0 THEN failed::double precision / (delivered + failed) END) STORED,
    status                  text        NOT NULL DEFAULT 'unknown' CHECK (status IN ('failing', 'degraded', 'unknown', 'healthy')),
    -- Worst first.
    status_rank             smallint    GENERATED ALWAYS AS
                                (CASE status WHEN 'failing' THEN 0 WHEN 'degraded' THEN 1 WHEN 'unknown' THEN 2 ELSE 3 END) STORED,
    counted_from            timestamptz,
    last_error_code         text,
    last_error_message      text,
    last_error_at           timestamptz,
    last_delivered_at       timestamptz,
    last_reported_at        timestamptz
);

-- The delivery-health list: worst first within an organisation, or within a template's pipeline integrations.
CREATE INDEX delivery_rollups_worst_first_idx
    ON delivery_rollups (org_id, status_rank, failure_rate DESC NULLS LAST, pipeline_integration_id);
CREATE INDEX delivery_rollups_template_idx
    ON delivery_rollups (integration_id, status_rank, failure_rate DESC NULLS LAST, pipeline_integration_id);
CREATE INDEX delivery_rollups_pipeline_idx ON delivery_rollups (pipeline_id);
-- The maintenance job: totals with a report that left the window, statuses that went stale.
CREATE INDEX delivery_rollups_counted_from_idx ON delivery_rollups (counted_from) WHERE counted_from IS NOT NULL;
CREATE INDEX delivery_rollups_reported_idx ON delivery_rollups (last_reported_at) WHERE status <> 'unknown';

CREATE FUNCTION pipeline_integrations_delivery_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO delivery_rollups (pipeline_integration_id, org_id, pipeline_id, integration_id)
        VALUES (NEW.id, NEW.org_id, NEW.pipeline_id, NEW.integration_id);
    ELSIF NEW.deleted_at IS NOT NULL AND OLD.deleted_at IS NULL THEN
        DELETE FROM delivery_rollups WHERE pipeline_integration_id = NEW.id;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER pipeline_integrations_delivery_rollup
    AFTER INSERT OR UPDATE OF deleted_at ON pipeline_integrations
    FOR EACH ROW EXECUTE FUNCTION pipeline_integrations_delivery_rollup();

CREATE FUNCTION pipelines_delivery_rollups() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.deleted_at IS NOT NULL AND OLD.deleted_at IS NULL THEN
        DELETE FROM delivery_rollups WHERE pipeline_id = NEW.id;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER pipelines_delivery_rollups
    AFTER UPDATE OF deleted_at ON pipelines
    FOR EACH ROW EXECUTE FUNCTION pipelines_delivery_rollups();

INSERT INTO delivery_rollups (pipeline_integration_id, org_id, pipeline_id, integration_id)
SELECT pi.id, pi.org_id, pi.pipeline_id, pi.integration_id
FROM pipeline_integrations pi
JOIN pipelines p ON p.id = pi.pipeline_id AND p.deleted_at IS NULL
WHERE pi.deleted_at IS NULL;
