-- The change notifications a tenant receives (SSE and webhooks), each stored once. Every
-- gateway replica receives every bus event and appends it; the source key (the inventory
-- alert's id, the regime change's changeId) makes the second append a no-op. Appends take a
-- transaction-scoped advisory lock, so ids are allocated and committed in one order: a reader
-- that has seen id N has seen every committed id below it, which is what Last-Event-ID needs.
-- (Version 10 leaves room for the gateway migrations other work adds meanwhile.)

CREATE TABLE event (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  source_key text NOT NULL,
  tenant_id  uuid,                 -- null: every tenant sees it (a regime change)
  type       text NOT NULL CHECK (type IN ('alert', 'regime.changed')),
  payload    jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT event_source_unique UNIQUE (source_key)
);

-- A tenant's stream reads its own events and everyone's by id.
CREATE INDEX event_tenant ON event (tenant_id, id);
-- Retention deletes by age.
CREATE INDEX event_created ON event (created_at);
