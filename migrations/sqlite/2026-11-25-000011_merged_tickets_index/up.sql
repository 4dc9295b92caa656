-- Full-text search maps hits to the tickets they were merged into: merged tickets are few,
-- so a lookup among them stays small however many tickets a common word finds.
CREATE INDEX tickets_merged ON tickets (id) WHERE is_merged;
