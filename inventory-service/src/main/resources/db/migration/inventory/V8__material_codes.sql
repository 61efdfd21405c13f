-- Each material's code on China's Dual-Use Export Control List (control_code, like 1C904 or
-- 1C904.a) and its 10-digit China tariff (HS) line (hs_code), both optional: a material carries
-- one only where a confirmed fact gives it (docs/regime.md, "Elements and their control codes").
-- Unknown or merely inferred codes are left NULL rather than guessed.

ALTER TABLE material
  ADD COLUMN control_code text CHECK (control_code ~ '^[0-9][A-E][0-9]{3}(\.[a-z])?$'),
  ADD COLUMN hs_code      text CHECK (hs_code ~ '^[0-9]{10}$');

CREATE INDEX material_hs_code ON material (hs_code) WHERE hs_code IS NOT NULL;

-- Control codes (H): 1C902 Sm, 1C903 Gd, 1C904 Tb (1C904.a includes Tb-bearing NdFeB), 1C909 Ho,
-- 1C912 Eu. Left NULL: dy-oxide and y-oxide (the codes of Dy, 1C905, and Y, 1C908, are only
-- inferred from the numbering), ndfeb-n42 and nd-metal (Nd is on no list).
UPDATE material SET control_code = '1C904.a' WHERE id = 'ndfeb-n52-dy'; -- NdFeB with Tb: 1C904.a
UPDATE material SET control_code = '1C904'   WHERE id = 'tb-metal';     -- Tb: 1C904
UPDATE material SET control_code = '1C902'   WHERE id = 'smco-magnet';  -- Sm (its only element): 1C902
UPDATE material SET control_code = '1C909'   WHERE id = 'ho-oxide';     -- Ho: 1C909
UPDATE material SET control_code = '1C903'   WHERE id = 'gd-oxide';     -- Gd: 1C903
UPDATE material SET control_code = '1C912'   WHERE id = 'eu-oxide';     -- Eu: 1C912

-- Tariff lines (H): rare-earth permanent magnets 8505111000; metals Nd 2805301100, Tb 2805301300
-- (Dy 2805301200 and Y 2805301700 are metals; the catalogue holds those elements only as
-- oxides). No oxide line is known: the oxides stay NULL (an oxide is not a metal).
UPDATE material SET hs_code = '8505111000' WHERE id IN ('ndfeb-n52-dy', 'ndfeb-n42', 'smco-magnet');
UPDATE material SET hs_code = '2805301100' WHERE id = 'nd-metal';
UPDATE material SET hs_code = '2805301300' WHERE id = 'tb-metal';
