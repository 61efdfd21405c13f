-- Webhooks and their deliveries. A delivery is a row, not a timer: it is created with the
-- event it carries (in the append's transaction), claimed by one replica at a time with
-- FOR UPDATE SKIP LOCKED and a lease, and survives any restart. Every attempt is kept for the
-- tenant to read. The secret is kept as given to the tenant: signing needs it, a hash would not do.

CREATE TABLE webhook (
  id         uuid PRIMARY KEY,
  tenant_id  uuid NOT NULL REFERENCES tenant (id),
  url        text NOT NULL,
  events     text[] NOT NULL CHECK (cardinality(events) > 0),
  secret     text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX webhook_tenant ON webhook (tenant_id);

CREATE TABLE delivery (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  webhook_id      uuid NOT NULL REFERENCES webhook (id) ON DELETE CASCADE,
  event_id        bigint NOT NULL REFERENCES event (id) ON DELETE CASCADE,
  state           text NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'DELIVERED', 'FAILED')),
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz,     -- when PENDING: due time, or the end of a replica's lease
  claim           uuid,            -- the lease holder's token; its result is recorded only if it still holds it
  CONSTRAINT delivery_once UNIQUE (webhook_id, event_id)
);

CREATE INDEX delivery_due ON delivery (next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX delivery_event ON delivery (event_id);

CREATE TABLE delivery_attempt (
  delivery_id     bigint NOT NULL REFERENCES delivery (id) ON DELETE CASCADE,
  attempt         integer NOT NULL,
  attempted_at    timestamptz NOT NULL,
  duration_ms     integer NOT NULL,
  status          integer,         -- the receiver's HTTP status, when it answered
  error           text,            -- why it failed, when it did not answer (timeout, refused)
  retry_in_ms     integer,         -- the backoff this failure drew, if another attempt follows
  next_attempt_at timestamptz,     -- when that attempt is due: the end of this one plus the backoff
  PRIMARY KEY (delivery_id, attempt)
);
