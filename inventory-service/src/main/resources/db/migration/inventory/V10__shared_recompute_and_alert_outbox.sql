-- Replicas share the work of a recompute (docs/architecture.md, "Recompute across replicas").
--
-- A published change becomes a job once, whichever replica heard it first (recompute_change
-- remembers the changes already taken). Jobs run one after another in id order; a job's
-- positions are handed out in key order, a part at a time, to whichever replica claims next.
-- A part is claimed for a lease; a replica that dies leaves its part to be claimed again when
-- the lease ends, and the claim token fences the late writer: a part is stored once.

CREATE TABLE recompute_job (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  selection     jsonb NOT NULL,
  -- the selection as canonical text: a change whose positions a waiting job already selects joins it
  selection_key text NOT NULL,
  reason        text NOT NULL,
  changes       integer NOT NULL DEFAULT 1 CHECK (changes > 0),
  as_of         date NOT NULL,
  -- a job is not started before: changes that come meanwhile (a burst of drawdowns) fold into it
  due_at        timestamptz NOT NULL,
  state         text NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'RUNNING', 'DONE')),
  -- the last position key handed out (exclusive lower bound of the next part)
  cursor_tenant   text,
  cursor_site     text,
  cursor_material text,
  exhausted     boolean NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL DEFAULT now(),
  started_at    timestamptz,
  finished_at   timestamptz
);

CREATE INDEX recompute_job_open ON recompute_job (id) WHERE state <> 'DONE';
CREATE INDEX recompute_job_folding ON recompute_job (selection_key) WHERE state = 'PENDING';
CREATE INDEX recompute_job_finished ON recompute_job (finished_at) WHERE state = 'DONE';

CREATE TABLE recompute_change (
  change_id   text PRIMARY KEY,
  job_id      bigint NOT NULL REFERENCES recompute_job (id) ON DELETE CASCADE,
  received_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX recompute_change_job ON recompute_change (job_id);

CREATE TABLE recompute_part (
  job_id          bigint NOT NULL REFERENCES recompute_job (id) ON DELETE CASCADE,
  part            integer NOT NULL,
  -- the positions (after, upto] in key order that the job's selection selects
  after_tenant    text NOT NULL,
  after_site      text NOT NULL,
  after_material  text NOT NULL,
  upto_tenant     text NOT NULL,
  upto_site       text NOT NULL,
  upto_material   text NOT NULL,
  state           text NOT NULL DEFAULT 'CLAIMED' CHECK (state IN ('CLAIMED', 'DONE')),
  owner           text NOT NULL,
  claim           uuid NOT NULL,
  lease_until     timestamptz NOT NULL,
  claims          integer NOT NULL DEFAULT 1,
  positions       integer,
  alerts          integer,
  done_at         timestamptz,
  PRIMARY KEY (job_id, part)
);

CREATE INDEX recompute_part_claimed ON recompute_part (job_id, lease_until) WHERE state = 'CLAIMED';

-- Alerts reach the gateway's event log from this table: each is delivered after its commit, by
-- any replica, until the gateway acknowledges it. Those raised before this version were
-- published when raised.
ALTER TABLE alert ADD COLUMN delivered_at timestamptz;
UPDATE alert SET delivered_at = raised_at;
CREATE INDEX alert_undelivered ON alert (id) WHERE delivered_at IS NULL;
