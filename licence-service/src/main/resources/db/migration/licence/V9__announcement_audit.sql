-- An announcement applied as one change (POST /api/v1/regime/announcements) is audited once, as
-- entity ANNOUNCEMENT with the whole announcement as `after`, in the regime's history.
ALTER TABLE audit_event DROP CONSTRAINT audit_event_entity_type_check;
ALTER TABLE audit_event ADD CONSTRAINT audit_event_entity_type_check
  CHECK (entity_type IN ('MEASURE', 'SUSPENSION', 'LICENCE', 'DENIAL_PROBABILITY', 'LISTED_PARTY_IMPORT',
                         'ANNOUNCEMENT'));

-- The regime's history reads these types (AuditRepository): the index follows its list.
DROP INDEX audit_event_regime;
CREATE INDEX audit_event_regime ON audit_event (id)
  WHERE entity_type IN ('MEASURE', 'SUSPENSION', 'DENIAL_PROBABILITY', 'ANNOUNCEMENT', 'LISTED_PARTY_IMPORT');
