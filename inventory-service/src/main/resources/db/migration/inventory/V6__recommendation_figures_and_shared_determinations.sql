-- A recommendation is stored as its figures and a reference to the licence-service's
-- determination that decided its condition; the explanation is built from them when read.
-- Determinations are shared by the many positions they decide, so each is stored once, by
-- the hash of its content: a recompute of 100,000 positions writes a few hundred bytes per row
-- instead of its ~1.3 KB explanation.
CREATE TABLE determination (
  id   text PRIMARY KEY,
  body text NOT NULL
);

-- Recommendations are derived data: a position without one is stale, and the service computes
-- it at start. No release has stored any, so they are dropped rather than converted.
DELETE FROM recommendation;

ALTER TABLE recommendation
  DROP COLUMN body,
  ADD COLUMN z                  double precision NOT NULL,
  ADD COLUMN lead_time_mean     double precision NOT NULL,
  ADD COLUMN lead_time_variance double precision NOT NULL,
  ADD COLUMN delay_mean         double precision NOT NULL,
  ADD COLUMN delay_std          double precision NOT NULL,
  ADD COLUMN denial_probability double precision NOT NULL,
  ADD COLUMN denial_delay       double precision NOT NULL,
  ADD COLUMN lead_time_demand   double precision NOT NULL,
  ADD COLUMN licensing_demand   double precision NOT NULL,
  ADD COLUMN used_alternate     boolean NOT NULL,
  -- No foreign key: the determination is stored by the same statement as every row that
  -- names it, and a key check per row would cost a recompute a fifth of its writing time.
  ADD COLUMN determination_id   text NOT NULL;
