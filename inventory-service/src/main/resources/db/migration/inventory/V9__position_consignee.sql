-- The party a position's material is exported to, screened by the licence-service against China's
-- lists (docs/regime.md, "Screening"): optional, a name of at most 200 characters.
ALTER TABLE position
  ADD COLUMN consignee text CHECK (consignee IS NULL OR (btrim(consignee) <> '' AND length(consignee) <= 200));

-- A change to the lists recomputes the positions that name a consignee, and only those.
CREATE INDEX position_with_consignee ON position (tenant_id, site_id, material_id) WHERE consignee IS NOT NULL;
