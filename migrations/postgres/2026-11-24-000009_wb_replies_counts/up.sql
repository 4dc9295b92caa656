-- Replies sent when a known issue was fixed (one per issue and ticket: the action is
-- idempotent), and hardware outcomes kept anonymously once per-ticket facts are purged.

CREATE TABLE known_issue_replies (
    known_issue_id BIGINT NOT NULL REFERENCES known_issues (id) ON DELETE CASCADE,
    ticket_id BIGINT NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    transaction_id BIGINT NOT NULL,
    language TEXT NOT NULL,
    answer_id BIGINT NOT NULL,
    creator BIGINT NOT NULL,
    created TIMESTAMP NOT NULL,
    PRIMARY KEY (known_issue_id, ticket_id)
);

CREATE TABLE hardware_outcome_counts (
    kind TEXT NOT NULL,
    device_key TEXT NOT NULL,
    tails_version TEXT NOT NULL,
    role TEXT NOT NULL,
    outcome TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    count BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (kind, device_key, tails_version, role, outcome)
);
