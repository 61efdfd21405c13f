-- The recommendation's JSON is stored and returned whole, never queried inside: text spares
-- PostgreSQL parsing 100,000 documents into jsonb on every recompute.
ALTER TABLE recommendation ALTER COLUMN body TYPE text USING body::text;
