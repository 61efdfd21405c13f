-- The 17 rare-earth elements (REGIME.md). Control codes: 1C902-1C904 and 1C909-1C912 are
-- confirmed (H); Dy, Lu, Sc, Y as 1C905-1C908 and Yb as 1C913 are inferred (M).

INSERT INTO element (symbol, name, atomic_number, category, control_code, control_code_confidence) VALUES
  ('Sc', 'Scandium',     21, 'MEDIUM_HEAVY', '1C907', 'M'),
  ('Y',  'Yttrium',      39, 'MEDIUM_HEAVY', '1C908', 'M'),
  ('La', 'Lanthanum',    57, 'LIGHT',        NULL,    NULL),
  ('Ce', 'Cerium',       58, 'LIGHT',        NULL,    NULL),
  ('Pr', 'Praseodymium', 59, 'LIGHT',        NULL,    NULL),
  ('Nd', 'Neodymium',    60, 'LIGHT',        NULL,    NULL),
  ('Pm', 'Promethium',   61, 'LIGHT',        NULL,    NULL),
  ('Sm', 'Samarium',     62, 'LIGHT',        '1C902', 'H'),
  ('Eu', 'Europium',     63, 'MEDIUM_HEAVY', '1C912', 'H'),
  ('Gd', 'Gadolinium',   64, 'MEDIUM_HEAVY', '1C903', 'H'),
  ('Tb', 'Terbium',      65, 'MEDIUM_HEAVY', '1C904', 'H'),
  ('Dy', 'Dysprosium',   66, 'MEDIUM_HEAVY', '1C905', 'M'),
  ('Ho', 'Holmium',      67, 'MEDIUM_HEAVY', '1C909', 'H'),
  ('Er', 'Erbium',       68, 'MEDIUM_HEAVY', '1C910', 'H'),
  ('Tm', 'Thulium',      69, 'MEDIUM_HEAVY', '1C911', 'H'),
  ('Yb', 'Ytterbium',    70, 'MEDIUM_HEAVY', '1C913', 'M'),
  ('Lu', 'Lutetium',     71, 'MEDIUM_HEAVY', '1C906', 'M');

INSERT INTO item_form (code, description) VALUES
  ('METAL',      'Metal'),
  ('ALLOY',      'Alloy'),
  ('TARGET',     'Sputtering target'),
  ('OXIDE',      'Oxide'),
  ('COMPOUND',   'Compound'),
  ('MIXTURE',    'Mixture'),
  ('MAGNET',     'Permanent magnet'),
  ('ORE',        'Ore or concentrate'),
  ('EXTRACTANT', 'Extractant or auxiliary material'),
  ('EQUIPMENT',  'Production equipment'),
  ('TECHNOLOGY', 'Technology');
