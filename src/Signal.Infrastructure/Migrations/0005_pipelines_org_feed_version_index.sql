-- The newest feed version of an organisation's pipelines, read by the list to tell whether its cached labels still hold.
CREATE INDEX pipelines_org_feed_version_idx ON pipelines (org_id, feed_version);
