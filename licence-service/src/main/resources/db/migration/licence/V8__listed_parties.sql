-- China's lists of foreign parties as data (docs/regime.md, "Listed parties"): the Control List,
-- the Watch List and the Unreliable Entity List. Entries are never deleted: an entry no longer
-- listed keeps its row with the day it was removed, so that any date can be screened.

-- One import of a list file (POST /api/v1/regime/listed-parties/imports) that changed something,
-- or the seed below. A later file of the same source speaks for the entries earlier ones recorded.
CREATE TABLE listed_party_import (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  source      text NOT NULL CHECK (btrim(source) <> ''),
  format      text NOT NULL CHECK (format IN ('CSV', 'FTM')),
  lists       text[] NOT NULL,
  added       integer NOT NULL,
  updated     integer NOT NULL,
  removed     integer NOT NULL,
  unchanged   integer NOT NULL,
  imported_at timestamptz NOT NULL DEFAULT now(),
  imported_by text NOT NULL
);

CREATE TABLE listed_party (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  list         text NOT NULL CHECK (list IN ('CONTROL_LIST', 'WATCH_LIST', 'UNRELIABLE_ENTITY_LIST')),
  name         text NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 500),
  -- The name normalised, legal forms dropped, words sorted (NameMatcher.key): what identifies an
  -- entry on its list, so that a file naming "MP Materials Corp." finds "MP MATERIALS" listed.
  name_key     text NOT NULL,
  aliases      text[] NOT NULL DEFAULT '{}',
  country      char(2) CHECK (country ~ '^[A-Z]{2}$'),
  added        date NOT NULL,
  removed      date,
  announcement text,
  source       text NOT NULL CHECK (btrim(source) <> ''),
  import_id    bigint REFERENCES listed_party_import (id)
);

-- One entry listed at a time per list and name.
CREATE UNIQUE INDEX listed_party_listed ON listed_party (list, name_key) WHERE removed IS NULL;
CREATE INDEX listed_party_import_of ON listed_party (import_id) WHERE removed IS NULL;

-- Imports are regime changes: audited beside measures and suspensions, in the regime's history.
ALTER TABLE audit_event DROP CONSTRAINT audit_event_entity_type_check;
ALTER TABLE audit_event ADD CONSTRAINT audit_event_entity_type_check
  CHECK (entity_type IN ('MEASURE', 'SUSPENSION', 'LICENCE', 'DENIAL_PROBABILITY', 'LISTED_PARTY_IMPORT'));

DROP INDEX audit_event_regime;
CREATE INDEX audit_event_regime ON audit_event (id)
  WHERE entity_type IN ('MEASURE', 'SUSPENSION', 'DENIAL_PROBABILITY', 'LISTED_PARTY_IMPORT');

-- The example file shipped in the service (classpath listed-parties/cn-2026-example.csv), seeded
-- as if imported: importing that file again changes nothing (ListedPartiesOverTheBusTest).
WITH seed AS (
  INSERT INTO listed_party_import (source, format, lists, added, updated, removed, unchanged, imported_by)
  VALUES ('listed-parties/cn-2026-example.csv', 'CSV', '{CONTROL_LIST}', 4, 0, 0, 0, 'SYSTEM')
  RETURNING id
)
INSERT INTO listed_party (list, name, name_key, aliases, country, added, announcement, source, import_id)
SELECT e.list, e.name, e.name_key, '{}', e.country, e.added::date, e.announcement, e.source, seed.id
FROM seed, (VALUES
  ('CONTROL_LIST', 'MP Materials', 'materials mp', 'US', '2026-06-22', NULL,
   'Control List additions of 2026-06-22 as reported by Benchmark, Kalkine and azzet (announcement number not found)'),
  ('CONTROL_LIST', 'USA Rare Earth', 'earth rare usa', 'US', '2026-06-22', NULL,
   'Control List additions of 2026-06-22 as reported by Benchmark, Kalkine and azzet (announcement number not found)'),
  ('CONTROL_LIST', 'Hensoldt', 'hensoldt', 'DE', '2026-04-24', 'MOFCOM 2026 No. 20',
   'MOFCOM 2026 No. 20: 7 EU defence entities on the Control List, as reported by one extractor of MOFCOM announcements'),
  ('CONTROL_LIST', 'FN Herstal', 'fn herstal', 'BE', '2026-04-24', 'MOFCOM 2026 No. 20',
   'MOFCOM 2026 No. 20: 7 EU defence entities on the Control List, as reported by one extractor of MOFCOM announcements')
) AS e (list, name, name_key, country, added, announcement, source);
