-- Licences and their drawdowns; idempotent replays; the append-only audit trail; the outbox
-- that publishes every change at least once; and how far time has been processed.

ALTER TABLE suspension ADD COLUMN lifted_on date;
ALTER TABLE measure ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

CREATE TABLE licence (
  id              uuid PRIMARY KEY,
  tenant_id       text NOT NULL,
  type            text NOT NULL CHECK (type IN ('GENERAL', 'INDIVIDUAL')),
  exporter        text NOT NULL,
  reference       text,
  elements        text[] NOT NULL CHECK (cardinality(elements) > 0),
  forms           text[] NOT NULL CHECK (cardinality(forms) > 0),
  quantity_kg     numeric(18, 3) NOT NULL CHECK (quantity_kg > 0),
  -- The cap is enforced here too: no code path can overdraw a licence.
  drawn_kg        numeric(18, 3) NOT NULL DEFAULT 0 CHECK (drawn_kg >= 0 AND drawn_kg <= quantity_kg),
  valid_from      date NOT NULL,
  valid_to        date NOT NULL,
  destination     text NOT NULL CHECK (destination ~ '^[A-Z]{2}$'),
  end_use         text NOT NULL,
  status          text NOT NULL CHECK (status IN ('APPLIED', 'ACTIVE', 'DENIED', 'SUSPENDED', 'REVOKED', 'EXPIRED', 'EXHAUSTED')),
  status_reason   text,
  submitted_on    date NOT NULL,
  decision_due_by date,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to >= valid_from)
);

CREATE INDEX licence_tenant ON licence (tenant_id, status, valid_to);
CREATE INDEX licence_expiring ON licence (valid_to) WHERE status IN ('APPLIED', 'ACTIVE', 'SUSPENDED');

CREATE TABLE drawdown (
  id           uuid PRIMARY KEY,
  licence_id   uuid NOT NULL REFERENCES licence (id),
  tenant_id    text NOT NULL,
  quantity_kg  numeric(18, 3) NOT NULL CHECK (quantity_kg > 0),
  shipment_ref text NOT NULL,
  drawn_at     timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX drawdown_licence ON drawdown (licence_id, drawn_at);

-- The first response to a write made with an Idempotency-Key, replayed for the same key and body.
CREATE TABLE idempotency_record (
  tenant_id    text NOT NULL,
  idem_key     text NOT NULL,
  request_hash text NOT NULL,
  outcome      jsonb,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, idem_key)
);

CREATE TABLE audit_event (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at              timestamptz NOT NULL DEFAULT now(),
  actor_tenant_id text,
  actor_role      text NOT NULL,
  request_id      text,
  entity_type     text NOT NULL CHECK (entity_type IN ('MEASURE', 'SUSPENSION', 'LICENCE')),
  entity_id       text NOT NULL,
  tenant_id       text,
  action          text NOT NULL,
  before          jsonb,
  after           jsonb
);

CREATE INDEX audit_event_entity ON audit_event (entity_type, entity_id, id);
CREATE INDEX audit_event_regime ON audit_event (id) WHERE entity_type IN ('MEASURE', 'SUSPENSION');

CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit events are appended, never changed or removed';
END
$$;

CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();

CREATE TABLE outbox (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  address      text NOT NULL,
  payload      jsonb NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz
);

CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL;

-- The last date whose boundaries (measures taking effect, suspensions ending, licences
-- expiring) have been processed: the row lock makes each date's processing happen once.
CREATE TABLE clock_watermark (
  name              text PRIMARY KEY,
  processed_through date NOT NULL
);
