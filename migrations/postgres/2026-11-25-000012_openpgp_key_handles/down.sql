DROP TABLE openpgp_key_handles;
