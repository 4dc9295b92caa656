-- Every key id and fingerprint (primary key and subkeys) of each stored key, so a signature
-- finds the keys that can check it without parsing the whole keyring. Rows of keys stored
-- before this table existed are filled in at start (the server parses each key once).
CREATE TABLE openpgp_key_handles (
    handle TEXT NOT NULL,
    key_id BIGINT NOT NULL,
    PRIMARY KEY (handle, key_id)
);
CREATE INDEX openpgp_key_handles_key ON openpgp_key_handles (key_id);
