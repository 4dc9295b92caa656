-- Tickets whose search entry must be rebuilt; `seq` grows with every change so that a
-- rebuild racing a newer write leaves the newer request queued.
CREATE TABLE search_queue (
    ticket_id BIGINT PRIMARY KEY NOT NULL,
    seq BIGINT NOT NULL DEFAULT 1
);
INSERT INTO search_queue (ticket_id, seq) SELECT id, 1 FROM tickets;

-- One row per ticket, stemmed with the text search configuration of its queue's language.
CREATE TABLE search_index (
    ticket_id BIGINT PRIMARY KEY REFERENCES tickets (id) ON DELETE CASCADE,
    config TEXT NOT NULL,
    body TSVECTOR NOT NULL
);
CREATE INDEX search_index_body ON search_index USING GIN (body);
