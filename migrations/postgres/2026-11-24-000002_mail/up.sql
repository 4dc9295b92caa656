-- Mail in: the language of each ticket, exactly-once delivery, threading ids, auto-reply limits.
ALTER TABLE tickets ADD COLUMN language TEXT NOT NULL DEFAULT '';
CREATE INDEX tickets_language ON tickets (language);

-- One row per message seen (in) or sent (out). dedupe_key is 'mid:<Message-ID>' or
-- 'sha256:<hex>' for mail without a Message-ID; a second delivery finds the first row.
CREATE TABLE mail_messages (
    id BIGSERIAL PRIMARY KEY,
    dedupe_key TEXT NOT NULL UNIQUE,
    message_id TEXT NOT NULL DEFAULT '',
    direction TEXT NOT NULL DEFAULT 'in',
    ticket_id BIGINT NOT NULL DEFAULT 0,
    transaction_id BIGINT NOT NULL DEFAULT 0,
    queue_id BIGINT NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'stored',
    reason TEXT NOT NULL DEFAULT '',
    created TIMESTAMP NOT NULL
);
CREATE INDEX mail_messages_message_id ON mail_messages (message_id);
CREATE INDEX mail_messages_ticket ON mail_messages (ticket_id);

-- Auto-replies granted per requester, for the rate limit.
CREATE TABLE mail_autoreplies (
    id BIGSERIAL PRIMARY KEY,
    user_id BIGINT NOT NULL,
    ticket_id BIGINT NOT NULL,
    created TIMESTAMP NOT NULL
);
CREATE INDEX mail_autoreplies_user ON mail_autoreplies (user_id, created);
