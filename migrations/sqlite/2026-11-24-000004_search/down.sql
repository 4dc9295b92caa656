DROP TABLE search_fts_en;
DROP TABLE search_fts;
DROP TABLE search_queue;
