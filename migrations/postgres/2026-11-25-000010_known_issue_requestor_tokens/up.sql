-- Keyed pseudonyms of a linked ticket's requestors, written when a purge takes the ticket's
-- watchers away, so a known issue's count of distinct requestors stays correct.
ALTER TABLE known_issue_tickets ADD COLUMN requestor_tokens TEXT NOT NULL DEFAULT '';
