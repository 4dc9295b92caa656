-- Tickets whose search entry must be rebuilt; `seq` grows with every change so that a
-- rebuild racing a newer write leaves the newer request queued.
CREATE TABLE search_queue (
    ticket_id BIGINT PRIMARY KEY NOT NULL,
    seq BIGINT NOT NULL DEFAULT 1
);
INSERT INTO search_queue (ticket_id, seq) SELECT id, 1 FROM tickets;

-- One row per ticket (rowid = ticket id). FTS5 tokenizers are per table: English queues
-- get Porter stemming, every other language plain unicode61 (no stemmer for them here).
CREATE VIRTUAL TABLE search_fts USING fts5 (body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE search_fts_en USING fts5 (body, content = '', contentless_delete = 1, tokenize = 'porter unicode61 remove_diacritics 2');
