-- The measures and suspensions of the 2025 regime as known when the platform shipped
-- (REGIME.md). Operators record later news through the API; Flyway runs this once.

INSERT INTO measure (id, issuer, title, kind, issued_on, in_force_from, elements, forms, destinations,
                     prohibited_end_uses, covers_all_controlled, items, source, confidence) VALUES
  ('MOFCOM-GAC-2025-18', 'MOFCOM and GAC',
   'Export control on medium and heavy rare-earth items (Announcement 2025 No. 18)',
   'LICENCE_REQUIRED', '2025-04-04', '2025-04-04',
   '{Sm,Gd,Tb,Dy,Lu,Sc,Y}', '{METAL,ALLOY,TARGET,OXIDE,COMPOUND,MIXTURE,MAGNET}', '{}', '{}', false,
   'Sm, Gd, Tb, Dy, Lu, Sc, Y: metals, alloys, targets, oxides, compounds and mixtures; SmCo magnets; NdFeB magnets containing Tb or Dy',
   'MOFCOM/GAC Announcement 2025 No. 18; craneww.com; tradecommissioner.gc.ca', 'H'),
  ('MOFCOM-GAC-2025-56', 'MOFCOM and GAC',
   'Export control on rare-earth production equipment and raw and auxiliary materials (Announcement 2025 No. 56)',
   'LICENCE_REQUIRED', '2025-10-09', '2025-11-08',
   '{}', '{EQUIPMENT,ORE,EXTRACTANT}', '{}', '{}', false,
   'Rare-earth production equipment, ores, extractants',
   'MOFCOM/GAC Announcement 2025 No. 56', 'H'),
  ('MOFCOM-GAC-2025-57', 'MOFCOM and GAC',
   'Export control on further medium and heavy rare-earth items (Announcement 2025 No. 57)',
   'LICENCE_REQUIRED', '2025-10-09', '2025-11-08',
   '{Ho,Er,Tm,Eu,Yb}', '{METAL,ALLOY,TARGET,MAGNET,OXIDE,COMPOUND}', '{}', '{}', false,
   'Ho (1C909), Er (1C910), Tm (1C911), Eu (1C912), Yb: metals, alloys, targets, magnets, oxides, compounds',
   'MOFCOM/GAC Announcement 2025 No. 57', 'H'),
  ('MOFCOM-2025-61', 'MOFCOM',
   'Extraterritorial control of rare-earth items (Announcement 2025 No. 61)',
   'EXTRATERRITORIAL', '2025-10-09', '2025-10-09',
   '{Sm,Gd,Tb,Dy,Lu,Sc,Y,Ho,Er,Tm,Eu,Yb}', '{METAL,ALLOY,TARGET,OXIDE,COMPOUND,MIXTURE,MAGNET}', '{}',
   '{MILITARY,WMD,TERRORISM}', false,
   'Re-export of China-origin items needs a licence (from 2025-10-09); foreign-made magnets and targets with >= 0.1% China-origin rare-earth value, and the foreign direct product rule (from 2025-12-01); military end users, listed parties, WMD or terrorism uses denied in principle; chips <= 14 nm logic or >= 256-layer memory and military-relevant AI case by case',
   'MOFCOM Announcement 2025 No. 61', 'H'),
  ('MOFCOM-2025-62', 'MOFCOM',
   'Export control on rare-earth technology (Announcement 2025 No. 62)',
   'LICENCE_REQUIRED', '2025-10-09', '2025-10-09',
   '{}', '{TECHNOLOGY}', '{}', '{}', false,
   '1E902.a technology from mining to magnet making and recycling; 1E902.b production-line assembly and upkeep',
   'MOFCOM Announcement 2025 No. 62', 'H'),
  ('MOFCOM-2024-46-ART1', 'MOFCOM',
   'Ban on exports of dual-use items to US military users or military uses (Announcement 2024 No. 46, art. 1)',
   'PROHIBITION', '2024-12-03', '2024-12-03',
   '{}', '{}', '{US}', '{MILITARY}', true,
   'All dual-use items, to US military users or military uses',
   'MOFCOM Announcement 2024 No. 46; Xinhua via shine.cn 2024-12-03; news.az', 'H'),
  ('MOFCOM-2024-46-ART2', 'MOFCOM',
   'Ban in principle on exports of gallium, germanium, antimony and superhard materials to the US (Announcement 2024 No. 46, art. 2)',
   'PROHIBITION', '2024-12-03', '2024-12-03',
   '{}', '{}', '{US}', '{}', false,
   'Ga, Ge, Sb and superhard materials (not rare earths)',
   'MOFCOM Announcement 2024 No. 46; Xinhua via shine.cn 2024-12-03', 'H');

INSERT INTO suspension (measure_id, reference, issued_on, suspended_from, suspended_until, source, confidence)
SELECT id, 'MOFCOM-GAC-2025-70', DATE '2025-11-07', DATE '2025-11-07', DATE '2026-11-10',
       'MOFCOM/GAC Announcement 2025 No. 70 (suspends 2025 Nos. 55, 56, 57, 58, 61, 62)', 'H'
FROM measure
WHERE id IN ('MOFCOM-GAC-2025-56', 'MOFCOM-GAC-2025-57', 'MOFCOM-2025-61', 'MOFCOM-2025-62');

INSERT INTO suspension (measure_id, reference, issued_on, suspended_from, suspended_until, source, confidence)
VALUES ('MOFCOM-2024-46-ART2', 'MOFCOM-2025-72', '2025-11-09', '2025-11-09', '2026-11-27',
        'MOFCOM Announcement 2025 No. 72 (suspends art. 2 of 2024 No. 46)', 'H');
