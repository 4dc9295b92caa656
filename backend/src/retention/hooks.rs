//! Where data owned by other parts of Hushdesk joins a purge: the search index behind its
//! trait, the outgoing mail spool, and the WhisperBack tables (logs, hardware facts).

use std::path::Path;

use diesel::QueryResult;

use crate::search::SearchIndex;
use crate::store::{fulltext, DbConn};

/// Removes attachments from the search index; returns how many entries were asked to go.
pub fn remove_from_search_index(conn: &mut DbConn, attachment_ids: &[i64]) -> QueryResult<u64> {
    for id in attachment_ids {
        fulltext::remove(conn, *id)?;
    }
    Ok(attachment_ids.len() as u64)
}

/// Removes whole tickets from the configured search index (the database's own or Sonic) and
/// from the queue of tickets waiting to be indexed.
pub fn remove_tickets_from_search_index(
    conn: &mut DbConn,
    index: &dyn SearchIndex,
    ticket_ids: &[i64],
) -> QueryResult<()> {
    for t in ticket_ids {
        crate::search::remove_ticket(conn, index, *t)
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

/// Outgoing mail of these tickets: its spool files (named after the Message-ID as the spool
/// transport names them) and its outbox rows (they hold recipients). Runs before the bodies
/// go, so a delivery in flight either finishes first (and its record is purged with the rest)
/// or finds its row gone and records nothing.
pub fn remove_outgoing_mail(
    conn: &mut DbConn,
    spool_dir: &Path,
    ticket_ids: &[i64],
) -> QueryResult<u64> {
    use crate::store::schema::outbound_mail;
    use diesel::prelude::*;
    let ids: Vec<String> = outbound_mail::table
        .filter(outbound_mail::ticket_id.eq_any(ticket_ids))
        .select(outbound_mail::message_id)
        .load(conn)?;
    diesel::delete(outbound_mail::table.filter(outbound_mail::ticket_id.eq_any(ticket_ids)))
        .execute(conn)?;
    let removed = ids
        .iter()
        .filter(|id| crate::mail::transport::remove_spooled(spool_dir, id))
        .count();
    Ok(removed as u64)
}
