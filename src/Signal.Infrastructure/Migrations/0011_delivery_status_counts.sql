-- How many live pipeline integrations each organisation has per template and status: the delivery-health list's total
-- without counting tens of thousands of rollups per request. Kept by statement-level triggers on delivery_rollups that
-- add up each statement's changes (a batch that leaves every status as it was changes no count).
CREATE TABLE delivery_status_counts (
    org_id                text     NOT NULL,
    integration_id        text     NOT NULL,
    status_rank           smallint NOT NULL,
    -- No CHECK (>= 0): a decrement arrives as a proposed insert of a negative count, checked before the conflict.
    pipeline_integrations bigint   NOT NULL,
    PRIMARY KEY (org_id, integration_id, status_rank)
);

CREATE FUNCTION delivery_rollups_count() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changes text := CASE TG_OP
        WHEN 'INSERT' THEN 'SELECT org_id, integration_id, status_rank, 1 AS delta FROM new_rows'
        WHEN 'DELETE' THEN 'SELECT org_id, integration_id, status_rank, -1 AS delta FROM old_rows'
        ELSE 'SELECT org_id, integration_id, status_rank, 1 AS delta FROM new_rows
              UNION ALL SELECT org_id, integration_id, status_rank, -1 FROM old_rows' END;
BEGIN
    -- In key order, so that two statements moving the same counts wait for each other instead of deadlocking. (A
    -- quoted string, not dollar quotes: the migration runner reads $name$ as a variable.)
    EXECUTE format('
        INSERT INTO delivery_status_counts AS c (org_id, integration_id, status_rank, pipeline_integrations)
        SELECT org_id, integration_id, status_rank, sum(delta) FROM (%s) changes
        GROUP BY org_id, integration_id, status_rank
        HAVING sum(delta) <> 0
        ORDER BY org_id, integration_id, status_rank
        ON CONFLICT (org_id, integration_id, status_rank)
        DO UPDATE SET pipeline_integrations = c.pipeline_integrations + EXCLUDED.pipeline_integrations
        ', changes);
    RETURN NULL;
END;
$$;

CREATE TRIGGER delivery_rollups_count_insert AFTER INSERT ON delivery_rollups
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION delivery_rollups_count();
CREATE TRIGGER delivery_rollups_count_update AFTER UPDATE ON delivery_rollups
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION delivery_rollups_count();
CREATE TRIGGER delivery_rollups_count_delete AFTER DELETE ON delivery_rollups
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION delivery_rollups_count();

INSERT INTO delivery_status_counts (org_id, integration_id, status_rank, pipeline_integrations)
SELECT org_id, integration_id, status_rank, count(*) FROM delivery_rollups GROUP BY org_id, integration_id, status_rank;
