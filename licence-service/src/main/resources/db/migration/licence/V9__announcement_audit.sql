-- An announcement applied as one change (POST /api/v1/regime/announcements) is audited once, as
-- entity ANNOUNCEMENT with the whole announcement as `after`, in the regime's history.
--
-- The CHECK is widened from whatever it admits when this runs (V7 or V8 may have added entity
-- types of their own), so that none of theirs is lost.
DO $$
DECLARE
  admitted text[];
BEGIN
  SELECT array_agg(DISTINCT m[1]) INTO admitted
  FROM pg_constraint c,
       regexp_matches(pg_get_constraintdef(c.oid), '''([A-Z_]+)''', 'g') AS m
  WHERE c.conname = 'audit_event_entity_type_check' AND c.conrelid = 'audit_event'::regclass;
  admitted := array_append(array_remove(admitted, 'ANNOUNCEMENT'), 'ANNOUNCEMENT');
  ALTER TABLE audit_event DROP CONSTRAINT audit_event_entity_type_check;
  EXECUTE format('ALTER TABLE audit_event ADD CONSTRAINT audit_event_entity_type_check CHECK (entity_type = ANY (%L::text[]))',
                 admitted);
END $$;

DROP INDEX audit_event_regime;
CREATE INDEX audit_event_regime ON audit_event (id)
  WHERE entity_type IN ('MEASURE', 'SUSPENSION', 'DENIAL_PROBABILITY', 'ANNOUNCEMENT');
