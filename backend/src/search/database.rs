//! The database's own full text: SQLite FTS5 (Porter stemming for English queues, plain
//! unicode61 otherwise) or PostgreSQL tsvector stemmed per queue language. One row per ticket,
//! written in the same transaction that drains the ticket's queue entry.

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};

use super::{language, text, SearchError, SearchIndex, TicketDoc};
use crate::domain::error::DomainResult;
use crate::store::search::{ContentFilter, ContentIndex};
use crate::store::DbConn;

#[derive(Debug, Default)]
pub struct DatabaseIndex;

#[derive(QueryableByName)]
struct Id {
    #[diesel(sql_type = BigInt)]
    id: i64,
}

#[derive(QueryableByName)]
struct Lang {
    #[diesel(sql_type = Text)]
    language: String,
}

/// `"w1" "w2"`: every word must match, nothing read as FTS5 syntax.
fn fts5_query(words: &[&str]) -> String {
    words
        .iter()
        .map(|w| format!("\"{w}\""))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The PostgreSQL configurations to try: the asked language, else every queue's language
/// (a ticket is stemmed with its queue's; the query is stemmed each way and OR-ed).
fn pg_configs(conn: &mut DbConn, lang: Option<&str>) -> QueryResult<Vec<&'static str>> {
    let mut configs: Vec<&'static str> = match lang {
        Some(l) => vec![language::pg_config(l)],
        None => diesel::sql_query("SELECT DISTINCT language FROM queues")
            .load::<Lang>(conn)?
            .iter()
            .map(|l| language::pg_config(&l.language))
            .collect(),
    };
    if lang.is_none() && !configs.contains(&"simple") {
        configs.push("simple");
    }
    configs.sort_unstable();
    configs.dedup();
    Ok(configs)
}

/// `(plainto_tsquery('english', <arg>) || …)`; `arg` is a placeholder or a quoted literal.
fn pg_tsquery(configs: &[&str], arg: &str) -> String {
    let parts: Vec<String> = configs
        .iter()
        .map(|c| format!("plainto_tsquery('{c}', {arg})"))
        .collect();
    format!("({})", parts.join(" || "))
}

fn sqlite_table(lang: &str) -> &'static str {
    if lang == "en" {
        "search_fts_en"
    } else {
        "search_fts"
    }
}

impl ContentIndex for DatabaseIndex {
    fn content_filter(&self, conn: &mut DbConn, query: &str) -> DomainResult<ContentFilter> {
        // Words are letters and digits only, so quoting them into SQL is safe; the filter
        // must be SQL text because it is nested inside the TicketSQL expression tree.
        let words = text::words(query);
        Ok(ContentFilter::Sql(match conn {
            DbConn::Sqlite(_) => {
                let q = fts5_query(&words);
                format!(
                    "SELECT rowid FROM search_fts WHERE search_fts MATCH '{q}' \
                     UNION SELECT rowid FROM search_fts_en WHERE search_fts_en MATCH '{q}'"
                )
            }
            DbConn::Pg(_) => {
                let configs = pg_configs(conn, None)?;
                let literal = format!("'{}'", words.join(" "));
                format!(
                    "SELECT ticket_id FROM search_index WHERE body @@ {}",
                    pg_tsquery(&configs, &literal)
                )
            }
        }))
    }
}

impl SearchIndex for DatabaseIndex {
    fn name(&self) -> &'static str {
        "database"
    }

    fn as_content(&self) -> &dyn ContentIndex {
        self
    }

    fn put(&self, conn: &mut DbConn, doc: &TicketDoc) -> Result<(), SearchError> {
        let body = doc.joined();
        match conn {
            DbConn::Sqlite(_) => {
                self.remove(conn, doc.ticket)?;
                diesel::sql_query(format!(
                    "INSERT INTO {} (rowid, body) VALUES (?, ?)",
                    sqlite_table(&doc.language)
                ))
                .bind::<BigInt, _>(doc.ticket)
                .bind::<Text, _>(&body)
                .execute(conn)?;
            }
            DbConn::Pg(_) => {
                diesel::sql_query(
                    "INSERT INTO search_index (ticket_id, config, body) \
                     VALUES ($1, $2, to_tsvector(CAST($2 AS regconfig), $3)) \
                     ON CONFLICT (ticket_id) DO UPDATE SET config = EXCLUDED.config, body = EXCLUDED.body",
                )
                .bind::<BigInt, _>(doc.ticket)
                .bind::<Text, _>(language::pg_config(&doc.language))
                .bind::<Text, _>(&body)
                .execute(conn)?;
            }
        }
        Ok(())
    }

    fn remove(&self, conn: &mut DbConn, ticket: i64) -> Result<(), SearchError> {
        match conn {
            DbConn::Sqlite(_) => {
                for table in ["search_fts", "search_fts_en"] {
                    diesel::sql_query(format!("DELETE FROM {table} WHERE rowid = ?"))
                        .bind::<BigInt, _>(ticket)
                        .execute(conn)?;
                }
            }
            DbConn::Pg(_) => {
                diesel::sql_query("DELETE FROM search_index WHERE ticket_id = $1")
                    .bind::<BigInt, _>(ticket)
                    .execute(conn)?;
            }
        }
        Ok(())
    }

    fn find(
        &self,
        conn: &mut DbConn,
        query: &str,
        lang: Option<&str>,
        limit: usize,
    ) -> Result<Vec<i64>, SearchError> {
        let words = text::words(query);
        if words.is_empty() {
            return Ok(Vec::new());
        }
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let rows: Vec<Id> = match conn {
            DbConn::Sqlite(_) => {
                let tables: &[&str] = match lang {
                    Some("en") => &["search_fts_en"],
                    Some(_) => &["search_fts"],
                    None => &["search_fts", "search_fts_en"],
                };
                // One query per table, each newest first with its own LIMIT: FTS5 walks the
                // doclist backwards and stops early, where a sorted UNION reads every match.
                let q = fts5_query(&words);
                let mut all: Vec<Id> = Vec::new();
                for t in tables {
                    all.extend(
                        diesel::sql_query(format!(
                            "SELECT rowid AS id FROM {t} WHERE {t} MATCH ?1 ORDER BY rowid DESC LIMIT ?2"
                        ))
                        .bind::<Text, _>(&q)
                        .bind::<BigInt, _>(limit)
                        .load::<Id>(conn)?,
                    );
                }
                all.sort_unstable_by_key(|r| std::cmp::Reverse(r.id));
                all.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
                all
            }
            DbConn::Pg(_) => {
                let configs = pg_configs(conn, lang)?;
                let sql = format!(
                    "SELECT ticket_id AS id FROM search_index WHERE body @@ {} \
                     ORDER BY ticket_id DESC LIMIT $2",
                    pg_tsquery(&configs, "$1")
                );
                let terms = words.join(" ");
                // The planner does not price detoasting a tsvector: for a common word it walks
                // the primary key backwards (or scans the table) and opens every document, about
                // a second on 20,000 tickets, where the GIN bitmap answers in milliseconds. The
                // bitmap plan is forced for this one statement.
                conn.transaction(|c| -> QueryResult<Vec<Id>> {
                    c.batch_execute(
                        "SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off",
                    )?;
                    let rows = diesel::sql_query(&sql)
                        .bind::<Text, _>(&terms)
                        .bind::<BigInt, _>(limit)
                        .load(c)?;
                    c.batch_execute(
                        "SET LOCAL enable_seqscan = on; SET LOCAL enable_indexscan = on",
                    )?;
                    Ok(rows)
                })?
            }
        };
        Ok(rows.into_iter().map(|r| r.id).collect())
    }

    fn settle(&self, conn: &mut DbConn) -> Result<(), SearchError> {
        if let DbConn::Pg(_) = conn {
            // Entries written in bulk wait in the GIN index's pending list, which every query
            // scans; fresh statistics let the planner see the index's size.
            conn.batch_execute(
                "SELECT gin_clean_pending_list('search_index_body'::regclass); ANALYZE search_index",
            )?;
        }
        Ok(())
    }

    fn clear(&self, conn: &mut DbConn) -> Result<(), SearchError> {
        match conn {
            DbConn::Sqlite(_) => {
                for table in ["search_fts", "search_fts_en"] {
                    diesel::sql_query(format!(
                        "INSERT INTO {table} ({table}) VALUES ('delete-all')"
                    ))
                    .execute(conn)?;
                }
            }
            DbConn::Pg(_) => {
                diesel::sql_query("DELETE FROM search_index").execute(conn)?;
            }
        }
        Ok(())
    }
}
