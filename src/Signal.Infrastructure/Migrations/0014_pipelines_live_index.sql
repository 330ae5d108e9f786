-- The full processor feed reads live pipelines a page at a time in id order (keyset): this index holds exactly those,
-- so a page is a range of it however many disabled or deleted pipelines the table also keeps.
CREATE INDEX pipelines_live_idx ON pipelines (id) WHERE enabled AND deleted_at IS NULL;
