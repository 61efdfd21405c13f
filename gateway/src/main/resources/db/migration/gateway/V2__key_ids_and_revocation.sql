-- Keys get an id, so that ADMIN can list, rotate and revoke them without ever handling a key
-- or its hash. revoked_at may lie in the future: a rotated key keeps working until then (its
-- grace period), and a key is valid exactly while revoked_at is NULL or later than now().

ALTER TABLE api_key ADD COLUMN id uuid;
UPDATE api_key SET id = gen_random_uuid() WHERE id IS NULL;
ALTER TABLE api_key ALTER COLUMN id SET NOT NULL;
ALTER TABLE api_key ADD CONSTRAINT api_key_id_unique UNIQUE (id);

-- The key a rotation replaced, so that the list shows which key followed which.
ALTER TABLE api_key ADD COLUMN replaces uuid REFERENCES api_key (id);
