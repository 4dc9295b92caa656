-- OpenPGP: keys of queues (with secret parts) and users, armored beside their fingerprint.
CREATE TABLE openpgp_keys (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    owner_type TEXT NOT NULL,
    owner_id BIGINT NOT NULL,
    fingerprint TEXT NOT NULL,
    armored TEXT NOT NULL,
    has_secret BOOLEAN NOT NULL DEFAULT FALSE,
    user_ids TEXT NOT NULL DEFAULT '',
    expires TIMESTAMP,
    revoked BOOLEAN NOT NULL DEFAULT FALSE,
    source TEXT NOT NULL DEFAULT 'import',
    created TIMESTAMP NOT NULL,
    last_updated TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX openpgp_keys_owner_fpr ON openpgp_keys (owner_type, owner_id, fingerprint);
CREATE INDEX openpgp_keys_fpr ON openpgp_keys (fingerprint);

-- Per-queue OpenPGP and outgoing-mail settings; a queue without a row uses the defaults.
CREATE TABLE openpgp_queue_settings (
    queue_id BIGINT PRIMARY KEY,
    require_encryption TEXT NOT NULL DEFAULT 'off',
    sign BOOLEAN NOT NULL DEFAULT TRUE,
    encrypt BOOLEAN NOT NULL DEFAULT TRUE,
    autoreply BOOLEAN NOT NULL DEFAULT FALSE,
    autoreply_text TEXT NOT NULL DEFAULT ''
);

-- What OpenPGP said about each incoming transaction.
CREATE TABLE openpgp_transaction_status (
    transaction_id BIGINT PRIMARY KEY,
    encryption TEXT NOT NULL,
    encryption_detail TEXT NOT NULL DEFAULT '',
    signature TEXT NOT NULL,
    signer TEXT NOT NULL DEFAULT '',
    signature_detail TEXT NOT NULL DEFAULT '',
    unencrypted_flag BOOLEAN NOT NULL DEFAULT FALSE,
    protected_subject BOOLEAN NOT NULL DEFAULT FALSE
);

-- Outgoing mail, written in the same database transaction as what caused it; a worker delivers
-- after commit. status: pending | sent | held | failed.
CREATE TABLE outbound_mail (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    ticket_id BIGINT NOT NULL,
    transaction_id BIGINT NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    error TEXT NOT NULL DEFAULT '',
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt TIMESTAMP NOT NULL,
    message_id TEXT NOT NULL DEFAULT '',
    recipients TEXT NOT NULL DEFAULT '',
    encrypted BOOLEAN NOT NULL DEFAULT FALSE,
    signed BOOLEAN NOT NULL DEFAULT FALSE,
    record_transaction_id BIGINT,
    created TIMESTAMP NOT NULL,
    sent TIMESTAMP
);
CREATE INDEX outbound_mail_due ON outbound_mail (status, next_attempt);
CREATE INDEX outbound_mail_ticket ON outbound_mail (ticket_id);
