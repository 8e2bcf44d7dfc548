-- Issue #5, docs/benchmarks.md "duplicates": similarity() re-extracts the trigrams of every report of the
-- province's last 30 days on every search (~14 µs a row). The trigram set of search_text is now stored,
-- as sorted integers (each trigram's 3 bytes, exactly as pg_trgm compares them), so a search only
-- intersects sorted integer arrays (intarray's `&`): the same similarity, ~1 µs a row.
-- intarray: PGlite loads it as a contrib module (server/db/client.ts); a PostgreSQL server has it in postgresql-contrib.
CREATE EXTENSION IF NOT EXISTS intarray;--> statement-breakpoint
-- show_trgm prints a trigram of printable ASCII as its 3 characters and any other as 0x + its 3 bytes in hex.
-- A SQL-standard body is bound when created, so a restore (empty search_path) still finds show_trgm.
CREATE OR REPLACE FUNCTION reports_trigrams(t text) RETURNS integer[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN (SELECT coalesce(array_agg(v ORDER BY v), '{}') FROM (
    SELECT CASE WHEN length(g) = 3 THEN (ascii(substr(g, 1, 1)) << 16) | (ascii(substr(g, 2, 1)) << 8) | ascii(substr(g, 3, 1))
                ELSE ('x' || lpad(substr(g, 3), 8, '0'))::bit(32)::integer END AS v
    FROM unnest(show_trgm(t)) AS g) AS s);--> statement-breakpoint
-- Stored and generated: the table is rewritten once (the backfill), and every insert or change of search_text keeps it.
ALTER TABLE "reports" ADD COLUMN "search_trigrams" integer[] GENERATED ALWAYS AS (reports_trigrams("search_text")) STORED;
