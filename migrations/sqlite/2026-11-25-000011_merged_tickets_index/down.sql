DROP INDEX tickets_merged;
