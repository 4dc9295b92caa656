//! The init migration's per-attachment full-text table, now superseded by `crate::search`,
//! and the FTS5 query quoting shared with it.

use diesel::prelude::*;
use diesel::sql_types::BigInt;

use super::DbConn;

/// Takes one attachment's text out of every search index: the init migration's per-attachment
/// table (no longer written; `hushdesk reindex` empties it) and, through the ticket's queue
/// entry, `crate::search`, which rebuilds the ticket from what remains readable.
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
    if let Some((kind, ticket)) = super::attachments::ticket_of(conn, attachment_id)? {
        if kind == super::transactions::TICKET {
            super::search_queue::touch(conn, ticket)?;
        }
    }
    Ok(())
}

/// Empties the init migration's per-attachment table (superseded by `crate::search`).
pub fn clear_legacy(conn: &mut DbConn) -> QueryResult<()> {
    diesel::sql_query("DELETE FROM attachment_fts").execute(conn)?;
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
