-- The supporters' app: who is waiting for an answer (kept current on every Create and
-- Correspond transaction, see store/activity.rs), and template answers.
CREATE TABLE ticket_activity (
    ticket_id BIGINT PRIMARY KEY REFERENCES tickets (id) ON DELETE CASCADE,
    needs_answer BOOLEAN NOT NULL DEFAULT FALSE,
    waiting_since TIMESTAMP,
    first_response TIMESTAMP
);
CREATE INDEX ticket_activity_waiting ON ticket_activity (needs_answer, waiting_since);

INSERT INTO ticket_activity (ticket_id, needs_answer, waiting_since, first_response)
SELECT t.id,
    COALESCE((SELECT NOT (u.privileged OR u.id = 1) FROM transactions x JOIN users u ON u.id = x.creator
              WHERE x.object_type = 'RT::Ticket' AND x.object_id = t.id
                AND x.txn_type IN ('Create', 'Correspond')
              ORDER BY x.id DESC LIMIT 1), FALSE),
    (SELECT MIN(x.created) FROM transactions x JOIN users u ON u.id = x.creator
     WHERE x.object_type = 'RT::Ticket' AND x.object_id = t.id
       AND x.txn_type IN ('Create', 'Correspond') AND NOT (u.privileged OR u.id = 1)
       AND x.id > COALESCE((SELECT MAX(y.id) FROM transactions y JOIN users v ON v.id = y.creator
                            WHERE y.object_type = 'RT::Ticket' AND y.object_id = t.id
                              AND y.txn_type IN ('Create', 'Correspond') AND (v.privileged OR v.id = 1)), 0)),
    (SELECT MIN(x.created) FROM transactions x JOIN users u ON u.id = x.creator
     WHERE x.object_type = 'RT::Ticket' AND x.object_id = t.id
       AND x.txn_type = 'Correspond' AND (u.privileged OR u.id = 1))
FROM tickets t;

CREATE INDEX app_transactions_created ON transactions (created, txn_type);

CREATE TABLE answers (
    id BIGSERIAL PRIMARY KEY,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    language TEXT NOT NULL,
    category TEXT NOT NULL DEFAULT '',
    usage_count BIGINT NOT NULL DEFAULT 0,
    creator BIGINT NOT NULL,
    created TIMESTAMP NOT NULL,
    last_updated_by BIGINT NOT NULL,
    last_updated TIMESTAMP NOT NULL
);
CREATE INDEX answers_language ON answers (language, category);
