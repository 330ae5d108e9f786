-- Each organisation's audit chain in time order: an event's occurred_at is never earlier than the one before it (the
-- appending statement takes the later of the change's time and the head's last_occurred_at). Time filters can then be
-- translated into a range of sequence numbers and walk the filter's own index; without it, a list with `until` far in
-- the past walked every newer event of its filter first. (Events appended before this migration may be out of order
-- by the length of a concurrent write; a time filter's edge can be that far off for them.)
ALTER TABLE audit_chain_heads ADD COLUMN last_occurred_at timestamptz NOT NULL DEFAULT '-infinity';
UPDATE audit_chain_heads h
SET last_occurred_at = (SELECT max(e.occurred_at) FROM audit_events e WHERE e.org_id = h.org_id)
WHERE EXISTS (SELECT 1 FROM audit_events e WHERE e.org_id = h.org_id);

-- The first event at or after a time, in one index probe.
DROP INDEX audit_events_occurred_idx;
CREATE INDEX audit_events_occurred_idx ON audit_events (org_id, occurred_at, sequence);

-- A timestamp as the API writes it (and the hash covers it): UTC, microseconds with trailing zeros dropped, a Z.
CREATE FUNCTION audit_wire_timestamp(t timestamptz) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT regexp_replace(to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), '\.?0+$', '') || 'Z'
$$;
