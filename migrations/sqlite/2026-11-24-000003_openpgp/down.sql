DROP TABLE outbound_mail;
DROP TABLE openpgp_transaction_status;
DROP TABLE openpgp_queue_settings;
DROP TABLE openpgp_keys;
