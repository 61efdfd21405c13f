-- The measures of 2026 known when version 2 of the platform shipped (docs/regime.md, "Seeded
-- facts"). A versioned migration: a fresh database gets it after V3, and an existing one gets it
-- on its next start, which is the upgrade. Operators record later news through the API.
--
-- MOFCOM Announcement 2026 No. 1 (issued and in force 2026-01-06): exports of all dual-use items
-- are prohibited to Japanese military users, for military uses, and for any use that enhances
-- Japan's military capabilities; whoever re-transfers China-origin items to them is liable too.
-- Modelled like art. 1 of 2024 No. 46 (V3): a PROHIBITION with covers_all_controlled, destination
-- JP, end use MILITARY. The "capabilities" clause and the re-transfer liability have no field and
-- are kept in words in `items`. (H: Crowell via Mondaq, GVW, GT Law)

INSERT INTO measure (id, issuer, title, kind, issued_on, in_force_from, elements, forms, destinations,
                     prohibited_end_uses, covers_all_controlled, items, source, confidence) VALUES
  ('MOFCOM-2026-1', 'MOFCOM',
   'Ban on exports of dual-use items to Japanese military users or military uses (Announcement 2026 No. 1)',
   'PROHIBITION', '2026-01-06', '2026-01-06',
   '{}', '{}', '{JP}', '{MILITARY}', true,
   'All dual-use items, to Japanese military users, military uses, and any use that enhances Japan''s military capabilities; re-transfer of China-origin items to them is liable too',
   'MOFCOM Announcement 2026 No. 1; Crowell via Mondaq; GVW; GT Law', 'H');
