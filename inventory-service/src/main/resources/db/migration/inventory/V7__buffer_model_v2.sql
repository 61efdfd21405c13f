-- Buffer model version 2 (docs/buffer-model.md): a position's service measure, and a
-- recommendation's target, futures and lead-time branches, which version 1's columns cannot hold.
ALTER TABLE position
  ADD COLUMN service_measure text NOT NULL DEFAULT 'CYCLE' CHECK (service_measure IN ('CYCLE', 'FILL_RATE'));

ALTER TABLE recommendation
  ADD COLUMN service_measure     text,
  ADD COLUMN service_level       double precision,
  ADD COLUMN futures             text,
  ADD COLUMN branches            text,
  ADD COLUMN unbufferable_reason text,
  -- Recommendations stored by version 1 hold 1; the service recomputes every position whose
  -- recommendation is older than the model it runs, once, at start.
  ADD COLUMN model_version       smallint NOT NULL DEFAULT 1;
