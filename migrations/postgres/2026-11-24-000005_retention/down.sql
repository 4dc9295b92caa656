DROP TABLE abuse_signals;
DROP TABLE retention_receipts;
DROP TABLE retention_purged;
DROP TABLE retention_policies;
DROP TABLE ticket_keys;
ALTER TABLE attachments DROP COLUMN sealed_by;
