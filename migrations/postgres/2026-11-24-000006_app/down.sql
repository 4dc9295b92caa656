DROP TABLE answers;
DROP INDEX app_transactions_created;
DROP TABLE ticket_activity;
