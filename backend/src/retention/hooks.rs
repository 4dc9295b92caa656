//! Where data owned by other parts of Hushdesk joins a purge. The WhisperBack tables (logs,
//! hardware facts), the search index behind its trait and the outgoing mail spool are wired
//! here at merge; until then the WhisperBack and spool hooks have nothing to remove.

use std::path::Path;

use diesel::QueryResult;

use crate::store::{fulltext, DbConn};

/// Removes attachments from the search index; returns how many entries were asked to go.
pub fn remove_from_search_index(conn: &mut DbConn, attachment_ids: &[i64]) -> QueryResult<u64> {
    for id in attachment_ids {
        fulltext::remove(conn, *id)?;
    }
    Ok(attachment_ids.len() as u64)
}

/// Removes whole tickets from the database's own search index (the per-ticket entries of
/// `search::database`); the queued rebuild then indexes only what the purge left.
pub fn remove_tickets_from_search_index(conn: &mut DbConn, ticket_ids: &[i64]) -> QueryResult<()> {
    use crate::search::SearchIndex;
    for t in ticket_ids {
        crate::search::database::DatabaseIndex
            .remove(conn, *t)
            .map_err(|e| diesel::result::Error::QueryBuilderError(e.to_string().into()))?;
    }
    Ok(())
}

/// Rewrites the search index so removed entries leave no trace in its pages.
pub fn compact_search_index(conn: &mut DbConn) -> QueryResult<()> {
    use diesel::connection::SimpleConnection;
    match conn {
        DbConn::Sqlite(c) => c.batch_execute(
            "INSERT INTO attachment_fts (attachment_fts) VALUES ('optimize'); \
                 INSERT INTO search_fts (search_fts) VALUES ('optimize'); \
                 INSERT INTO search_fts_en (search_fts_en) VALUES ('optimize');",
        ),
        // The tsvector rows go with their attachments; VACUUM (in the caller) frees them.
        DbConn::Pg(_) => Ok(()),
    }
}

/// WhisperBack debugging logs of these tickets (tables of the WhisperBack work, not yet here).
pub fn purge_whisperback_logs(_conn: &mut DbConn, _ticket_ids: &[i64]) -> QueryResult<u64> {
    Ok(0)
}

/// Hardware facts taken from these tickets' reports; aggregated outcomes stay.
pub fn purge_hardware_facts(_conn: &mut DbConn, _ticket_ids: &[i64]) -> QueryResult<u64> {
    Ok(0)
}

/// Outgoing mail of these tickets: its spool files (`<data dir>/outbox`, named after the
/// Message-ID as the spool transport names them) and its outbox rows (they hold recipients).
pub fn remove_outgoing_mail(
    conn: &mut DbConn,
    data_dir: &Path,
    ticket_ids: &[i64],
) -> QueryResult<u64> {
    use crate::store::schema::outbound_mail;
    use diesel::prelude::*;
    let ids: Vec<String> = outbound_mail::table
        .filter(outbound_mail::ticket_id.eq_any(ticket_ids))
        .select(outbound_mail::message_id)
        .load(conn)?;
    let spool = data_dir.join("outbox");
    let mut removed = 0;
    for id in &ids {
        let name: String = id
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '.' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        for ext in ["eml", "json"] {
            if std::fs::remove_file(spool.join(format!("{name}.{ext}"))).is_ok() && ext == "eml" {
                removed += 1;
            }
        }
    }
    diesel::delete(outbound_mail::table.filter(outbound_mail::ticket_id.eq_any(ticket_ids)))
        .execute(conn)?;
    Ok(removed)
}
