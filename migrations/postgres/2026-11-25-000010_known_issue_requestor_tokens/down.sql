ALTER TABLE known_issue_tickets DROP COLUMN requestor_tokens;
