-- Sites, the stock positions they hold, the recommendation last computed for each, and the
-- alerts raised when a position's status changes. Every row belongs to one tenant.

CREATE TABLE site (
  tenant_id  text NOT NULL,
  id         text NOT NULL CHECK (id ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,60}$'),
  name       text NOT NULL,
  country    text CHECK (country ~ '^[A-Z]{2}$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);

CREATE TABLE position (
  tenant_id                text NOT NULL,
  site_id                  text NOT NULL,
  material_id              text NOT NULL REFERENCES material (id),
  on_hand                  double precision NOT NULL CHECK (on_hand >= 0),
  on_order                 double precision NOT NULL CHECK (on_order >= 0),
  demand_mean              double precision NOT NULL CHECK (demand_mean >= 0),
  demand_std               double precision NOT NULL CHECK (demand_std >= 0),
  lead_time_mean           double precision NOT NULL CHECK (lead_time_mean > 0),
  lead_time_std            double precision NOT NULL CHECK (lead_time_std >= 0),
  service_level            double precision NOT NULL CHECK (service_level >= 0.5 AND service_level < 1),
  review_period            double precision NOT NULL CHECK (review_period >= 0),
  order_quantity           double precision NOT NULL CHECK (order_quantity >= 0),
  end_use                  text NOT NULL,
  destination              text NOT NULL CHECK (destination ~ '^[A-Z]{2}$'),
  alternate_lead_time_mean double precision CHECK (alternate_lead_time_mean > 0),
  alternate_lead_time_std  double precision CHECK (alternate_lead_time_std >= 0),
  updated_at               timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, site_id, material_id),
  FOREIGN KEY (tenant_id, site_id) REFERENCES site (tenant_id, id)
);

CREATE INDEX position_material ON position (material_id);

CREATE TABLE recommendation (
  tenant_id         text NOT NULL,
  site_id           text NOT NULL,
  material_id       text NOT NULL,
  as_of             date NOT NULL,
  condition         text NOT NULL,
  status            text NOT NULL CHECK (status IN ('OK', 'REORDER', 'CRITICAL', 'UNBUFFERABLE')),
  safety_stock      double precision,
  reorder_point     double precision,
  recommended_order double precision,
  days_of_cover     double precision,
  body              jsonb NOT NULL,
  computed_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, site_id, material_id),
  FOREIGN KEY (tenant_id, site_id, material_id) REFERENCES position (tenant_id, site_id, material_id) ON DELETE CASCADE
);

CREATE INDEX recommendation_status ON recommendation (tenant_id, status);
CREATE INDEX recommendation_as_of ON recommendation (as_of);

CREATE TABLE alert (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id   text NOT NULL,
  site_id     text NOT NULL,
  material_id text NOT NULL,
  from_status text,
  to_status   text NOT NULL,
  condition   text NOT NULL,
  as_of       date NOT NULL,
  raised_at   timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX alert_tenant ON alert (tenant_id, id);
