//! The database's own full-text index over attachment text: SQLite FTS5 or PostgreSQL tsvector.

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};

use super::DbConn;

/// Adds the text of one attachment to the index.
pub fn index(conn: &mut DbConn, attachment_id: i64, text: &str) -> QueryResult<()> {
    match conn {
        DbConn::Sqlite(c) => {
            diesel::sql_query("INSERT INTO attachment_fts (rowid, body) VALUES (?, ?)")
                .bind::<BigInt, _>(attachment_id)
                .bind::<Text, _>(text)
                .execute(c)?;
        }
        DbConn::Pg(c) => {
            diesel::sql_query(
                "INSERT INTO attachment_fts (attachment_id, body) VALUES ($1, to_tsvector('simple', $2)) \
                 ON CONFLICT (attachment_id) DO UPDATE SET body = EXCLUDED.body",
            )
            .bind::<BigInt, _>(attachment_id)
            .bind::<Text, _>(text)
            .execute(c)?;
        }
    }
    Ok(())
}

/// Removes one attachment from the index.
pub fn remove(conn: &mut DbConn, attachment_id: i64) -> QueryResult<()> {
    match conn {
        DbConn::Sqlite(c) => {
            diesel::sql_query("DELETE FROM attachment_fts WHERE rowid = ?")
                .bind::<BigInt, _>(attachment_id)
                .execute(c)?;
        }
        DbConn::Pg(c) => {
            diesel::sql_query("DELETE FROM attachment_fts WHERE attachment_id = $1")
                .bind::<BigInt, _>(attachment_id)
                .execute(c)?;
        }
    }
    Ok(())
}

/// Turns user words into an FTS5 query of quoted terms (every word must match), so
/// punctuation in the search text is never read as FTS syntax.
pub fn fts5_query(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\""))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    #[test]
    fn fts5_query_quotes_words() {
        assert_eq!(
            super::fts5_query("Realtek \"card\" OR x*"),
            "\"Realtek\" \"card\" \"OR\" \"x\""
        );
        assert_eq!(super::fts5_query("  "), "");
    }
}
