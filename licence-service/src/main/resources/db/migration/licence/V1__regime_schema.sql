-- The export-control regime: elements, item forms, control measures and their suspensions.

CREATE TABLE element (
  symbol                  text PRIMARY KEY,
  name                    text NOT NULL UNIQUE,
  atomic_number           integer NOT NULL UNIQUE,
  category                text NOT NULL CHECK (category IN ('LIGHT', 'MEDIUM_HEAVY')),
  control_code            text,
  control_code_confidence char(1) CHECK (control_code_confidence IN ('H', 'M'))
);

CREATE TABLE item_form (
  code        text PRIMARY KEY,
  description text NOT NULL
);

CREATE TABLE measure (
  id                    text PRIMARY KEY,
  issuer                text NOT NULL,
  title                 text NOT NULL,
  kind                  text NOT NULL CHECK (kind IN ('LICENCE_REQUIRED', 'PROHIBITION', 'EXTRATERRITORIAL')),
  issued_on             date NOT NULL,
  in_force_from         date NOT NULL,
  in_force_until        date,
  -- Empty: the measure covers items (equipment, technology) rather than elements.
  elements              text[] NOT NULL DEFAULT '{}',
  forms                 text[] NOT NULL DEFAULT '{}',
  -- Empty: every destination.
  destinations          text[] NOT NULL DEFAULT '{}',
  -- For prohibitions; empty: every end use.
  prohibited_end_uses   text[] NOT NULL DEFAULT '{}',
  covers_all_controlled boolean NOT NULL DEFAULT false,
  items                 text NOT NULL,
  source                text NOT NULL,
  confidence            char(1) NOT NULL CHECK (confidence IN ('H', 'M')),
  created_at            timestamptz NOT NULL DEFAULT now(),
  CHECK (in_force_until IS NULL OR in_force_until >= in_force_from)
);

CREATE TABLE suspension (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  measure_id      text NOT NULL REFERENCES measure (id),
  reference       text NOT NULL,
  issued_on       date NOT NULL,
  suspended_from  date NOT NULL,
  -- The last day suspended.
  suspended_until date NOT NULL,
  source          text NOT NULL,
  confidence      char(1) NOT NULL CHECK (confidence IN ('H', 'M')),
  created_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (suspended_until >= suspended_from)
);

CREATE INDEX suspension_measure ON suspension (measure_id);
