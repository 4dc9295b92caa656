-- Retention: sealed content, per-ticket keys, policies, purge markers and receipts, abuse signals.

-- The ticket whose data key sealed this content; NULL for plaintext.
ALTER TABLE attachments ADD COLUMN sealed_by BIGINT;

-- Per-ticket data keys, wrapped by the master key. Deleting a row shreds the ticket's content.
CREATE TABLE ticket_keys (
    ticket_id BIGINT PRIMARY KEY NOT NULL,
    wrapped_key BLOB NOT NULL,
    created TIMESTAMP NOT NULL
);

-- Policies set through the API; they override the configuration file.
CREATE TABLE retention_policies (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    queue_id BIGINT NOT NULL REFERENCES queues (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    max_age_days INTEGER,
    counted_from TEXT NOT NULL DEFAULT 'resolution',
    updated TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX retention_policies_queue_kind ON retention_policies (queue_id, kind);

-- Which kind of data has already been purged from which ticket.
CREATE TABLE retention_purged (
    ticket_id BIGINT NOT NULL,
    kind TEXT NOT NULL,
    purged TIMESTAMP NOT NULL,
    PRIMARY KEY (ticket_id, kind)
);

-- One row per purge or erasure: policy, counts and time, never content.
CREATE TABLE retention_receipts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    trigger TEXT NOT NULL,
    dry_run BOOLEAN NOT NULL DEFAULT FALSE,
    started TIMESTAMP NOT NULL,
    finished TIMESTAMP NOT NULL,
    policy TEXT NOT NULL DEFAULT '{}',
    counts TEXT NOT NULL DEFAULT '{}'
);

-- Abuse signals under a keyed hash of the normalised address; the score is the sum of the
-- weights that have not expired.
CREATE TABLE abuse_signals (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    requester_hash TEXT NOT NULL,
    signal TEXT NOT NULL,
    weight INTEGER NOT NULL,
    created TIMESTAMP NOT NULL,
    expires TIMESTAMP NOT NULL
);
CREATE INDEX abuse_signals_hash ON abuse_signals (requester_hash, expires);
