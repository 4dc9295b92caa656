//! Full-text search over tickets: the `SearchIndex` trait with the database's own full text
//! (default) and Sonic, chosen by `[search] backend`. Every ticket transaction queues the
//! ticket (`store::search_queue`); `sync` rebuilds queued tickets' entries from the stored
//! text, so the index follows writes from any path and a failed push is retried, not lost.

pub mod database;
pub mod language;
pub mod sonic;
pub mod text;

use std::sync::Arc;

use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::error::{DomainError, DomainResult};
use crate::domain::rights::EffectiveRights;
use crate::store::rows::TicketRow;
use crate::store::schema::{attachments, tickets, transactions};
use crate::store::search::{ContentIndex, HitFilters};
use crate::store::{search_queue, DbConn, Store, StoreError};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SearchBackend {
    /// SQLite FTS5 or PostgreSQL tsvector, in the main database.
    Database,
    /// A Sonic server (`sonic_address`).
    Sonic,
}

/// `[search]` settings.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct SearchConfig {
    pub backend: SearchBackend,
    /// Sonic channel address, host:port.
    pub sonic_address: String,
    /// Sonic's `channel.auth_password`.
    pub sonic_password: String,
    /// Sonic collection holding this desk's tickets.
    pub sonic_collection: String,
    /// Most tickets one Sonic query returns (Sonic's `search.query_limit_maximum` must allow it).
    pub sonic_query_limit: usize,
    /// Most matching tickets the search endpoint ranks and filters per query.
    pub max_candidates: usize,
    /// Seconds between background catch-ups of queued tickets (writes outside the API).
    pub sync_interval_seconds: u64,
}

impl Default for SearchConfig {
    fn default() -> Self {
        Self {
            backend: SearchBackend::Database,
            sonic_address: "127.0.0.1:1491".into(),
            sonic_password: "SecretPassword".into(),
            sonic_collection: "hushdesk".into(),
            sonic_query_limit: 100,
            max_candidates: 1000,
            sync_interval_seconds: 5,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("{0}")]
    Unavailable(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<diesel::result::Error> for SearchError {
    fn from(e: diesel::result::Error) -> Self {
        Self::Store(StoreError::Query(e))
    }
}

impl From<SearchError> for DomainError {
    fn from(e: SearchError) -> Self {
        match e {
            SearchError::Unavailable(m) => DomainError::Unavailable(m),
            SearchError::Store(s) => DomainError::Store(s),
        }
    }
}

/// A ticket as indexed: its subject and the text of its messages and text attachments.
#[derive(Debug, Clone)]
pub struct TicketDoc {
    pub ticket: i64,
    /// The queue's language (ISO 639-1): picks the stemmer.
    pub language: String,
    pub subject: String,
    pub texts: Vec<String>,
}

impl TicketDoc {
    /// Everything indexed, capped at `text::MAX_TICKET_TEXT` bytes.
    pub fn joined(&self) -> String {
        let mut s = self.subject.clone();
        for t in &self.texts {
            s.push('\n');
            s.push_str(t);
            if s.len() > text::MAX_TICKET_TEXT {
                break;
            }
        }
        text::truncate(&mut s, text::MAX_TICKET_TEXT);
        s
    }
}

/// A full-text index of tickets. Methods run inside a store transaction (`conn`); the
/// database index writes through it, Sonic ignores it.
pub trait SearchIndex: ContentIndex + Send + Sync {
    /// `database` or `sonic`.
    fn name(&self) -> &'static str;
    /// This index as TicketSQL's `Content` resolver.
    fn as_content(&self) -> &dyn ContentIndex;
    /// Replaces the ticket's entry.
    fn put(&self, conn: &mut DbConn, doc: &TicketDoc) -> Result<(), SearchError>;
    /// Removes the ticket's entry; its words no longer find it.
    fn remove(&self, conn: &mut DbConn, ticket: i64) -> Result<(), SearchError>;
    /// Tickets whose text has every word of `query`, newest first, at most `limit`;
    /// `lang` narrows to tickets indexed in that language's stemming where the index can.
    fn find(
        &self,
        conn: &mut DbConn,
        query: &str,
        lang: Option<&str>,
        limit: usize,
    ) -> Result<Vec<i64>, SearchError>;
    /// Removes every entry (before a rebuild).
    fn clear(&self, conn: &mut DbConn) -> Result<(), SearchError>;
    /// Whether entries are written through `conn` in the store's transaction (the database's
    /// own index) rather than to a server of their own (Sonic).
    fn writes_through_database(&self) -> bool {
        true
    }
    /// After a bulk rebuild: whatever makes the index fast to query again.
    fn settle(&self, _conn: &mut DbConn) -> Result<(), SearchError> {
        Ok(())
    }
}

/// The index the configuration asks for. Sonic connects lazily: a server that is down
/// fails searches with 503 and leaves writes queued until it is back.
pub fn open(cfg: &SearchConfig) -> Arc<dyn SearchIndex> {
    match cfg.backend {
        SearchBackend::Database => Arc::new(database::DatabaseIndex),
        SearchBackend::Sonic => Arc::new(sonic::SonicIndex::new(cfg)),
    }
}

/// What the index holds for a ticket, read from the stored messages; `None` when the ticket
/// is gone or deleted (it must not be findable).
pub fn load_doc(conn: &mut DbConn, ticket: i64) -> QueryResult<Option<TicketDoc>> {
    Ok(load_docs(conn, &[ticket])?.pop())
}

/// [`load_doc`] for several tickets at once, in the order of `ids`; gone and deleted
/// tickets are left out. The language picks the stemmer: the ticket's own (mail, WhisperBack),
/// else its queue's.
pub fn load_docs(conn: &mut DbConn, ids: &[i64]) -> QueryResult<Vec<TicketDoc>> {
    let mut subjects = live_subjects(conn, ids)?;
    let languages = crate::store::search::languages(conn, ids)?;
    let mut texts = texts(conn, ids)?;
    let mut out = Vec::with_capacity(subjects.len());
    for &id in ids {
        let Some(subject) = subjects.remove(&id) else {
            continue;
        };
        let language = languages
            .get(&id)
            .filter(|l| !l.is_empty())
            .cloned()
            .unwrap_or_else(|| "en".into());
        out.push(TicketDoc {
            ticket: id,
            language,
            subject,
            texts: texts.remove(&id).unwrap_or_default(),
        });
    }
    Ok(out)
}

/// Subjects of the tickets among `ids` that exist and are not deleted.
fn live_subjects(
    conn: &mut DbConn,
    ids: &[i64],
) -> QueryResult<std::collections::HashMap<i64, String>> {
    Ok(tickets::table
        .filter(tickets::id.eq_any(ids))
        .filter(tickets::status.ne("deleted"))
        .select((tickets::id, tickets::subject))
        .load::<(i64, String)>(conn)?
        .into_iter()
        .collect())
}

/// One stored text part or text attachment of a ticket, still as stored (maybe sealed).
struct TextRow {
    ticket: i64,
    content_type: String,
    content: Option<Vec<u8>>,
    sealed_by: Option<i64>,
    transaction: i64,
}

/// The text parts and text attachments of the tickets' transactions, oldest first, as
/// stored: reading them costs no decryption until [`decode_text`].
///
/// Two index lookups rather than one join: without fresh statistics (a bulk load, a server
/// without autovacuum) PostgreSQL plans the join as a scan of every attachment, 40 ms at
/// 100k messages against well under 1 ms for the two lookups.
fn text_rows(conn: &mut DbConn, ids: &[i64]) -> QueryResult<Vec<TextRow>> {
    let owners: std::collections::HashMap<i64, i64> = transactions::table
        .filter(transactions::object_type.eq(crate::store::transactions::TICKET))
        .filter(transactions::object_id.eq_any(ids))
        .select((transactions::id, transactions::object_id))
        .load::<(i64, i64)>(conn)?
        .into_iter()
        .collect();
    if owners.is_empty() {
        return Ok(Vec::new());
    }
    let mut txns: Vec<i64> = owners.keys().copied().collect();
    txns.sort_unstable();
    type Row = (i64, i64, String, Option<Vec<u8>>, Option<i64>);
    let mut rows: Vec<Row> = Vec::new();
    // SQLite binds each id as a parameter (at most 32,766 a statement).
    for chunk in txns.chunks(10_000) {
        rows.extend(
            attachments::table
                .filter(attachments::transaction_id.eq_any(chunk))
                .filter(attachments::content_type.like("text/%"))
                .select((
                    attachments::id,
                    attachments::transaction_id,
                    attachments::content_type,
                    attachments::content,
                    attachments::sealed_by,
                ))
                .load::<Row>(conn)?,
        );
    }
    rows.sort_unstable_by_key(|r| r.0);
    Ok(rows
        .into_iter()
        .filter_map(|(_, transaction, content_type, content, sealed_by)| {
            Some(TextRow {
                ticket: *owners.get(&transaction)?,
                content_type,
                content,
                sealed_by,
                transaction,
            })
        })
        .collect())
}

/// A text row opened and decoded; HTML reduced to text. `None` when it holds no content.
fn decode_text(conn: &mut DbConn, row: TextRow) -> QueryResult<Option<String>> {
    let content =
        crate::store::attachments::unseal(conn, row.content, row.sealed_by, row.transaction)?;
    Ok(content.map(|bytes| {
        if row
            .content_type
            .to_ascii_lowercase()
            .starts_with("text/html")
        {
            text::html_to_text(&bytes)
        } else {
            String::from_utf8_lossy(&bytes).into_owned()
        }
    }))
}

/// The text of every text part and text attachment of the tickets' transactions, oldest
/// first, per ticket; HTML reduced to text.
fn texts(
    conn: &mut DbConn,
    ids: &[i64],
) -> QueryResult<std::collections::HashMap<i64, Vec<String>>> {
    let mut size: std::collections::HashMap<i64, usize> = std::collections::HashMap::new();
    let mut out: std::collections::HashMap<i64, Vec<String>> = std::collections::HashMap::new();
    for row in text_rows(conn, ids)? {
        let ticket = row.ticket;
        let used = size.entry(ticket).or_default();
        if *used > text::MAX_TICKET_TEXT {
            continue;
        }
        let Some(t) = decode_text(conn, row)? else {
            continue;
        };
        *used += t.len();
        out.entry(ticket).or_default().push(t);
    }
    Ok(out)
}

/// Queued entries (ticket, sequence number) and, by ticket, the documents of those that still
/// exist and are not deleted.
type PendingDocs = (Vec<(i64, i64)>, std::collections::HashMap<i64, TicketDoc>);

/// Up to `batch` queued entries and their documents.
fn pending_docs(conn: &mut DbConn, batch: i64) -> QueryResult<PendingDocs> {
    let pending = search_queue::pending(conn, batch)?;
    let ids: Vec<i64> = pending.iter().map(|p| p.0).collect();
    let docs = load_docs(conn, &ids)?
        .into_iter()
        .map(|d| (d.ticket, d))
        .collect();
    Ok((pending, docs))
}

/// Indexes up to `batch` queued tickets in one transaction; returns how many were taken.
fn sync_batch_in_db(
    conn: &mut DbConn,
    index: &dyn SearchIndex,
    batch: i64,
) -> Result<usize, SearchError> {
    let (pending, mut docs) = pending_docs(conn, batch)?;
    for &(ticket, seq) in &pending {
        match docs.remove(&ticket) {
            Some(doc) => index.put(conn, &doc)?,
            None => index.remove(conn, ticket)?,
        }
        search_queue::done(conn, ticket, seq)?;
    }
    Ok(pending.len())
}

/// One batch of queued tickets. The database's own index is written inside the write
/// transaction; an external index (Sonic) is written outside it, since a push can take a tenth
/// of a second and other writers must not wait behind it. Then, in a write transaction, each
/// entry is marked done only if the ticket was not touched meanwhile; an entry that vanished
/// (a purge took the ticket out of the index while its old text was being pushed) is removed
/// from the index again and queued once more, so the next batch writes what is current.
fn sync_batch(store: &Store, index: &dyn SearchIndex, batch: i64) -> Result<usize, SearchError> {
    if index.writes_through_database() {
        return store.write_blocking(|conn| sync_batch_in_db(conn, index, batch));
    }
    let _one_at_a_time = EXTERNAL_SYNC.lock();
    let (pending, mut docs) =
        store.read_blocking(|conn| -> Result<_, SearchError> { Ok(pending_docs(conn, batch)?) })?;
    store.read_blocking(|conn| -> Result<(), SearchError> {
        for &(ticket, _) in &pending {
            match docs.remove(&ticket) {
                Some(doc) => index.put(conn, &doc)?,
                None => index.remove(conn, ticket)?,
            }
        }
        Ok(())
    })?;
    store.write_blocking(|conn| -> Result<(), SearchError> {
        for &(ticket, seq) in &pending {
            // On PostgreSQL the delete waits for a purge that holds the entry (it forgets the
            // entry before it removes the ticket from the index) and then finds nothing.
            if search_queue::done(conn, ticket, seq)? {
                continue;
            }
            if search_queue::seq_of(conn, ticket)?.is_none() {
                index.remove(conn, ticket)?;
                search_queue::touch(conn, ticket)?;
            }
        }
        Ok(())
    })?;
    Ok(pending.len())
}

/// Syncs of an external index in this process run one at a time.
static EXTERNAL_SYNC: parking_lot::Mutex<()> = parking_lot::Mutex::new(());

const BATCH: i64 = 200;

/// Brings the index up to date with every queued ticket; returns how many were indexed.
pub fn sync(store: &Store, index: &dyn SearchIndex) -> Result<usize, SearchError> {
    let mut total = 0;
    let idle = store.read_blocking(|conn| -> Result<bool, SearchError> {
        Ok(search_queue::pending(conn, 1)?.is_empty())
    })?;
    if idle {
        return Ok(0);
    }
    loop {
        let n = sync_batch(store, index, BATCH)?;
        total += n;
        if n < usize::try_from(BATCH).unwrap_or(usize::MAX) {
            return Ok(total);
        }
    }
}

/// [`sync`] off the async executor; a failure is logged and the tickets stay queued (the
/// write they follow has committed already).
pub async fn catch_up(store: Store, index: Arc<dyn SearchIndex>) {
    match tokio::task::spawn_blocking(move || sync(&store, index.as_ref())).await {
        Ok(Ok(_)) => {}
        Ok(Err(e)) => tracing::warn!(error = %e, "search index not updated; tickets stay queued"),
        Err(_) => tracing::warn!("search index update task failed"),
    }
}

/// Rebuilds the whole index from the stored messages; `progress(done, total)` after each batch.
pub fn reindex(
    store: &Store,
    index: &dyn SearchIndex,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<u64, SearchError> {
    let total = store.write_blocking(|conn| -> Result<i64, SearchError> {
        index.clear(conn)?;
        crate::store::fulltext::clear_legacy(conn)?;
        search_queue::touch_all(conn)?;
        Ok(search_queue::count(conn)?)
    })?;
    let total = u64::try_from(total).unwrap_or(0);
    let mut done = 0u64;
    progress(0, total);
    loop {
        let n = sync_batch(store, index, BATCH)?;
        done += n as u64;
        progress(done.min(total), total);
        if n == 0 {
            store.write_blocking(|conn| index.settle(conn))?;
            return Ok(done);
        }
    }
}

/// Takes a ticket out of the index at once (purge, retention): once this returns inside a
/// committed transaction, no word of the ticket finds it.
pub fn remove_ticket(
    conn: &mut DbConn,
    index: &dyn SearchIndex,
    ticket: i64,
) -> Result<(), SearchError> {
    // Forgotten first: on PostgreSQL this locks the queue entry, so a sync that pushed the
    // ticket's old text to an external index meanwhile sees the purge and removes it again.
    search_queue::forget(conn, ticket)?;
    index.remove(conn, ticket)?;
    Ok(())
}

/// One ticket found by the search endpoint, with the stretch of text that matched.
#[derive(Debug, Clone)]
pub struct Found {
    pub ticket: TicketRow,
    /// The ticket's language (`store::search::LANGUAGE_SQL`).
    pub language: String,
    pub snippet: Vec<text::Piece>,
}

/// A page of the search endpoint's answer.
#[derive(Debug, Clone)]
pub struct FoundPage {
    pub items: Vec<Found>,
    /// Matching visible tickets among the first `max_candidates` index hits.
    pub total: i64,
}

/// Free-text search with metadata filters and rights, newest ticket first.
pub fn search_tickets(
    conn: &mut DbConn,
    index: &dyn SearchIndex,
    rights: &EffectiveRights,
    me: i64,
    query: &str,
    filters: &HitFilters,
    max_candidates: usize,
    offset: usize,
    limit: usize,
) -> DomainResult<FoundPage> {
    if text::words(query).is_empty() {
        return Err(DomainError::Invalid(
            "q: the search needs at least one word".into(),
        ));
    }
    let hits = index.find(conn, query, filters.language.as_deref(), max_candidates)?;
    // Merged tickets answer as the ticket they were merged into. Only the few merged hits are
    // looked up (partial index `tickets_merged`); the rest are their own effective ticket, and
    // `visible_among` drops hits whose ticket is gone.
    let merged_into: std::collections::HashMap<i64, i64> = tickets::table
        .filter(tickets::is_merged)
        .filter(tickets::id.eq_any(&hits))
        .select((tickets::id, tickets::effective_id))
        .load::<(i64, i64)>(conn)?
        .into_iter()
        .collect();
    let mut ranked: Vec<i64> = Vec::with_capacity(hits.len());
    let mut rank: std::collections::HashMap<i64, usize> = std::collections::HashMap::new();
    for h in &hits {
        let eff = merged_into.get(h).copied().unwrap_or(*h);
        if let std::collections::hash_map::Entry::Vacant(e) = rank.entry(eff) {
            e.insert(ranked.len());
            ranked.push(eff);
        }
    }
    let mut visible = crate::store::search::visible_among(conn, rights, me, &ranked, filters)?;
    visible.sort_by_key(|id| rank.get(id).copied().unwrap_or(usize::MAX));
    let total = i64::try_from(visible.len()).unwrap_or(i64::MAX);
    let ids: Vec<i64> = visible.into_iter().skip(offset).take(limit).collect();
    let mut rows: std::collections::HashMap<i64, TicketRow> = tickets::table
        .filter(tickets::id.eq_any(&ids))
        .select(TicketRow::as_select())
        .load::<TicketRow>(conn)?
        .into_iter()
        .map(|t| (t.id, t))
        .collect();
    let mut languages = crate::store::search::languages(conn, &ids)?;
    // The text of each ticket and of the tickets merged into it, read in one go but opened
    // only as far as the snippet needs.
    let merged: Vec<(i64, i64)> = tickets::table
        .filter(tickets::effective_id.eq_any(&ids))
        .filter(tickets::status.ne("deleted"))
        .order(tickets::id)
        .select((tickets::id, tickets::effective_id))
        .load(conn)?;
    let all: Vec<i64> = merged.iter().map(|m| m.0).collect();
    let mut stored: std::collections::HashMap<i64, Vec<TextRow>> = std::collections::HashMap::new();
    for row in text_rows(conn, &all)? {
        stored.entry(row.ticket).or_default().push(row);
    }
    let mut items = Vec::new();
    for id in ids {
        let Some(t) = rows.remove(&id) else { continue };
        let mut pending: std::collections::VecDeque<TextRow> = merged
            .iter()
            .filter(|m| m.1 == t.id)
            .flat_map(|(m, _)| stored.remove(m).unwrap_or_default())
            .collect();
        let mut lead: Option<String> = None;
        let mut failure: Option<diesel::result::Error> = None;
        let mut used = 0usize;
        let bodies = std::iter::from_fn(|| loop {
            if used > text::MAX_TICKET_TEXT || failure.is_some() {
                return None;
            }
            match decode_text(conn, pending.pop_front()?) {
                Ok(Some(body)) => {
                    used += body.len();
                    if lead.is_none() {
                        lead = Some(body.chars().take(160).collect());
                    }
                    return Some(body);
                }
                Ok(None) => continue,
                Err(e) => {
                    failure = Some(e);
                    return None;
                }
            }
        });
        let found = text::snippet(std::iter::once(t.subject.clone()).chain(bodies), query);
        if let Some(e) = failure {
            return Err(e.into());
        }
        let snippet = found.unwrap_or_else(|| {
            let lead = lead.unwrap_or_default();
            vec![text::Piece {
                text: lead.split_whitespace().collect::<Vec<_>>().join(" "),
                highlight: false,
            }]
        });
        let language = languages.remove(&t.id).unwrap_or_default();
        items.push(Found {
            ticket: t,
            language,
            snippet,
        });
    }
    Ok(FoundPage { items, total })
}
