-- The probability that a licence application for a destination is denied, entered by an operator
-- from observed approval rates (docs/regime.md, "Denial risk by destination"). None is seeded: a
-- destination without a row takes the configured default (BUFFER_DENIAL_PROBABILITY).

CREATE TABLE denial_probability (
  country     char(2) PRIMARY KEY CHECK (country ~ '^[A-Z]{2}$'),
  probability numeric NOT NULL CHECK (probability >= 0 AND probability <= 1),
  source      text NOT NULL CHECK (btrim(source) <> ''),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  updated_by  text NOT NULL
);

-- Its changes are regime changes: audited beside measures and suspensions, in the regime's history.
ALTER TABLE audit_event DROP CONSTRAINT audit_event_entity_type_check;
ALTER TABLE audit_event ADD CONSTRAINT audit_event_entity_type_check
  CHECK (entity_type IN ('MEASURE', 'SUSPENSION', 'LICENCE', 'DENIAL_PROBABILITY'));

DROP INDEX audit_event_regime;
CREATE INDEX audit_event_regime ON audit_event (id)
  WHERE entity_type IN ('MEASURE', 'SUSPENSION', 'DENIAL_PROBABILITY');
