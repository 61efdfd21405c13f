-- The probability that a suspension is extended past its last day (docs/regime.md,
-- "Renewal probability"), set by an operator with a note of why; 0 until set.
ALTER TABLE suspension
  ADD COLUMN renewal_probability numeric NOT NULL DEFAULT 0
    CHECK (renewal_probability >= 0 AND renewal_probability <= 1),
  ADD COLUMN renewal_note        text,
  ADD COLUMN renewal_set_at      timestamptz,
  ADD COLUMN renewal_set_by      text;
