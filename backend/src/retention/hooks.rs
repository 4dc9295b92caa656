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

/// WhisperBack debugging logs of these tickets: the attached raw report (its content, index
/// entries and the ticket's place in the search index) and the log-derived parts of the stored
/// facts (section list, bug-specific details). Returns how many raw reports were cleared.
pub fn purge_whisperback_logs(conn: &mut DbConn, ticket_ids: &[i64]) -> QueryResult<u64> {
    use crate::store::schema::{attachments, wb_reports};
    use diesel::prelude::*;
    let txns = crate::store::retention::transaction_ids(conn, ticket_ids)?;
    let mut atts: Vec<i64> = Vec::new();
    for chunk in txns.chunks(500) {
        atts.extend(
            attachments::table
                .filter(attachments::transaction_id.eq_any(chunk.to_vec()))
                .filter(attachments::filename.like("whisperback-%.txt"))
                .filter(attachments::content.is_not_null())
                .select(attachments::id)
                .load::<i64>(conn)?,
        );
    }
    remove_from_search_index(conn, &atts)?;
    for chunk in atts.chunks(500) {
        diesel::update(attachments::table.filter(attachments::id.eq_any(chunk.to_vec())))
            .set((
                attachments::content.eq(None::<Vec<u8>>),
                attachments::sealed_by.eq(None::<i64>),
            ))
            .execute(conn)?;
    }
    let reports: Vec<(i64, i64, String)> = wb_reports::table
        .filter(wb_reports::ticket_id.eq_any(ticket_ids))
        .select((wb_reports::id, wb_reports::ticket_id, wb_reports::facts))
        .load(conn)?;
    for (id, ticket, facts) in reports {
        let facts = strip_facts(&facts, &[&["sections"], &["bug_specific", "details"]]);
        diesel::update(wb_reports::table.find(id))
            .set((
                wb_reports::facts.eq(facts),
                wb_reports::bug_details.eq(None::<String>),
            ))
            .execute(conn)?;
        crate::store::search_queue::touch(conn, ticket)?;
    }
    Ok(atts.len() as u64)
}

/// Hardware facts taken from these tickets' reports: their device rows, machine key, boot
/// options and the hardware parts of the stored facts. What the reports said about their
/// devices is first added to the anonymous outcome counts, so compatibility figures stay.
/// Returns how many device rows were removed.
pub fn purge_hardware_facts(conn: &mut DbConn, ticket_ids: &[i64]) -> QueryResult<u64> {
    use crate::store::schema::{wb_report_devices, wb_reports};
    use diesel::prelude::*;
    crate::store::hardware_counts::freeze(conn, ticket_ids)?;
    let removed = diesel::delete(
        wb_report_devices::table.filter(wb_report_devices::ticket_id.eq_any(ticket_ids)),
    )
    .execute(conn)?;
    let reports: Vec<(i64, String)> = wb_reports::table
        .filter(wb_reports::ticket_id.eq_any(ticket_ids))
        .select((wb_reports::id, wb_reports::facts))
        .load(conn)?;
    for (id, facts) in reports {
        let facts = strip_facts(&facts, &[&["hardware"], &["boot"]]);
        diesel::update(wb_reports::table.find(id))
            .set((
                wb_reports::facts.eq(facts),
                wb_reports::machine_key.eq(None::<String>),
                wb_reports::boot_added.eq(""),
            ))
            .execute(conn)?;
    }
    Ok(removed as u64)
}

/// The facts JSON without the given paths (an unreadable document becomes `{}`).
fn strip_facts(facts: &str, paths: &[&[&str]]) -> String {
    let mut v: serde_json::Value =
        serde_json::from_str(facts).unwrap_or_else(|_| serde_json::json!({}));
    for path in paths {
        let Some((last, parents)) = path.split_last() else {
            continue;
        };
        let mut at = Some(&mut v);
        for p in parents {
            at = at.and_then(|x| x.get_mut(*p));
        }
        if let Some(obj) = at.and_then(serde_json::Value::as_object_mut) {
            obj.remove(*last);
        }
    }
    v.to_string()
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
