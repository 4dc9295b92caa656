DROP TABLE mail_autoreplies;
DROP TABLE mail_messages;
DROP INDEX tickets_language;
ALTER TABLE tickets DROP COLUMN language;
