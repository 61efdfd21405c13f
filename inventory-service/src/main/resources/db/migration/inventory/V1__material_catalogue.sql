-- The material catalogue: what a stock position holds, the rare-earth elements that make it
-- subject to export control, and its form (the vocabulary of the licence-service's regime).

CREATE TABLE material (
  id       text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]*$'),
  name     text NOT NULL,
  form     text NOT NULL,
  elements text[] NOT NULL CHECK (cardinality(elements) > 0)
);

INSERT INTO material (id, name, form, elements) VALUES
  ('ndfeb-n52-dy', 'NdFeB magnet N52 with Dy and Tb (grain-boundary diffused)', 'MAGNET', '{Nd,Pr,Dy,Tb}'),
  ('ndfeb-n42',    'NdFeB magnet N42 without heavy rare earths',                 'MAGNET', '{Nd,Pr}'),
  ('dy-oxide',     'Dysprosium oxide Dy2O3',                                      'OXIDE',  '{Dy}'),
  ('tb-metal',     'Terbium metal',                                               'METAL',  '{Tb}'),
  ('smco-magnet',  'Samarium-cobalt magnet Sm2Co17',                              'MAGNET', '{Sm}'),
  ('ho-oxide',     'Holmium oxide Ho2O3',                                         'OXIDE',  '{Ho}'),
  ('y-oxide',      'Yttrium oxide Y2O3',                                          'OXIDE',  '{Y}'),
  ('nd-metal',     'Neodymium metal',                                             'METAL',  '{Nd}'),
  ('gd-oxide',     'Gadolinium oxide Gd2O3',                                      'OXIDE',  '{Gd}'),
  ('eu-oxide',     'Europium oxide Eu2O3',                                        'OXIDE',  '{Eu}');
