-- Extensions the schema relies on: pg_trgm backs case-insensitive substring search with GIN indexes,
-- citext gives case-insensitive unique names. Both are trusted extensions (PostgreSQL 13+).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS citext;
