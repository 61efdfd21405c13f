-- Tenants and the API keys that act for them. A key is stored only as its SHA-256 hash: keys
-- are 256 random bits, so a slow hash would add nothing but latency to every request.

CREATE TABLE tenant (
  id         uuid PRIMARY KEY,
  name       text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT tenant_name_unique UNIQUE (name)
);

CREATE TABLE api_key (
  key_hash   text PRIMARY KEY CHECK (key_hash ~ '^[0-9a-f]{64}$'),
  tenant_id  uuid NOT NULL REFERENCES tenant (id),
  role       text NOT NULL CHECK (role IN ('ADMIN', 'TENANT')),
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

CREATE INDEX api_key_tenant ON api_key (tenant_id);
