//! Sonic through sonic-channel: one object per ticket in bucket `tickets`, so replacing or
//! removing a ticket is one FLUSHO. Sonic keeps no text, so snippets come from the database.
//! Sonic must run with the settings of `contrib/sonic/config.cfg`: by default it completes and
//! corrects words and ignores words found in most objects, which would make "wifi" find
//! nothing on a desk where most tickets mention it.

use std::collections::HashSet;

use parking_lot::Mutex;
use sonic_channel::{
    Dest, FlushRequest, IngestChannel, PushRequest, QueryRequest, SearchChannel, SonicChannel,
};

use super::{language, text, SearchConfig, SearchError, SearchIndex, TicketDoc};
use crate::domain::error::DomainResult;
use crate::store::search::{ContentFilter, ContentIndex};
use crate::store::DbConn;

const BUCKET: &str = "tickets";
/// Bytes per PUSH; Sonic's line buffer is 20,000 bytes by default.
const CHUNK: usize = 8 * 1024;

pub struct SonicIndex {
    address: String,
    password: String,
    collection: String,
    query_limit: usize,
    ingest: Mutex<Option<IngestChannel>>,
    search: Mutex<Option<SearchChannel>>,
}

impl SonicIndex {
    pub fn new(cfg: &SearchConfig) -> Self {
        Self {
            address: cfg.sonic_address.clone(),
            password: cfg.sonic_password.clone(),
            collection: cfg.sonic_collection.clone(),
            query_limit: cfg.sonic_query_limit.max(1),
            ingest: Mutex::new(None),
            search: Mutex::new(None),
        }
    }

    fn unavailable(&self, e: sonic_channel::result::Error) -> SearchError {
        SearchError::Unavailable(format!("search server {}: {e}", self.address))
    }

    /// Runs `f` on a live channel, reconnecting once when the kept connection has died.
    fn run<C: SonicChannel<Channel = C>, T>(
        &self,
        slot: &Mutex<Option<C>>,
        f: impl Fn(&C) -> sonic_channel::result::Result<T>,
    ) -> Result<T, SearchError> {
        let mut guard = slot.lock();
        if let Some(ch) = guard.as_ref() {
            if let Ok(v) = f(ch) {
                return Ok(v);
            }
            *guard = None;
        }
        let ch =
            C::start(self.address.as_str(), &self.password).map_err(|e| self.unavailable(e))?;
        let v = f(&ch).map_err(|e| self.unavailable(e))?;
        *guard = Some(ch);
        Ok(v)
    }

    /// Checks the server answers (for start-up diagnostics).
    pub fn ping(&self) -> Result<(), SearchError> {
        self.run(&self.search, |c| c.ping())
    }
}

/// Sonic reads the text between double quotes: keep quotes and backslashes out.
fn clean(text: &str) -> String {
    text.replace(['"', '\\', '\r', '\n', '\t'], " ")
}

/// Pieces of at most `CHUNK` bytes, cut at whitespace when possible.
fn chunks(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text.trim();
    while !rest.is_empty() {
        if rest.len() <= CHUNK {
            out.push(rest);
            break;
        }
        let mut end = CHUNK;
        while !rest.is_char_boundary(end) {
            end -= 1;
        }
        if let Some(space) = rest[..end].rfind(' ') {
            if space > 0 {
                end = space;
            }
        }
        out.push(rest[..end].trim());
        rest = rest[end..].trim_start();
    }
    out
}

impl ContentIndex for SonicIndex {
    fn content_filter(&self, conn: &mut DbConn, query: &str) -> DomainResult<ContentFilter> {
        Ok(ContentFilter::Tickets(self.find(
            conn,
            query,
            None,
            self.query_limit,
        )?))
    }
}

impl SearchIndex for SonicIndex {
    fn name(&self) -> &'static str {
        "sonic"
    }

    fn as_content(&self) -> &dyn ContentIndex {
        self
    }

    fn writes_through_database(&self) -> bool {
        false
    }

    fn put(&self, conn: &mut DbConn, doc: &TicketDoc) -> Result<(), SearchError> {
        self.remove(conn, doc.ticket)?;
        let body = clean(&doc.joined());
        let lang = language::sonic_lang(&doc.language);
        let object = doc.ticket.to_string();
        for piece in chunks(&body) {
            self.run(&self.ingest, |c| {
                let dest = Dest::col_buc(&self.collection, BUCKET).obj(&object);
                let req = PushRequest::new(dest, piece);
                c.push(match lang {
                    Some(l) => req.lang(l),
                    None => req,
                })
            })?;
        }
        Ok(())
    }

    fn remove(&self, _conn: &mut DbConn, ticket: i64) -> Result<(), SearchError> {
        let object = ticket.to_string();
        self.run(&self.ingest, |c| {
            c.flush(FlushRequest::object(&self.collection, BUCKET, &object))
        })?;
        Ok(())
    }

    fn find(
        &self,
        _conn: &mut DbConn,
        query: &str,
        lang: Option<&str>,
        limit: usize,
    ) -> Result<Vec<i64>, SearchError> {
        let mut words: Vec<String> = text::words(query)
            .iter()
            .map(|w| w.to_lowercase())
            .collect();
        words.sort_unstable();
        words.dedup();
        let hint = lang.and_then(language::sonic_lang);
        // Sonic ranks objects holding any of the words and stops collecting once the first
        // word alone fills `retain_word_objects`: a ticket must hold every word, so each word
        // is asked alone and only the tickets found for all of them are kept. With the
        // configuration in `contrib/sonic/config.cfg` (no completions or typo corrections,
        // no dropping of frequent words) each answer is exact, so no stored text is opened.
        let mut found: Option<HashSet<i64>> = None;
        for word in &words {
            let objects = self.run(&self.search, |c| {
                let mut req = QueryRequest::new(Dest::col_buc(&self.collection, BUCKET), word)
                    .limit(self.query_limit);
                if let Some(l) = hint {
                    req = req.lang(l);
                }
                c.query(req)
            })?;
            let ids = objects.iter().filter_map(|o| o.parse::<i64>().ok());
            let next: HashSet<i64> = match &found {
                None => ids.collect(),
                Some(prev) => ids.filter(|i| prev.contains(i)).collect(),
            };
            let empty = next.is_empty();
            found = Some(next);
            if empty {
                break;
            }
        }
        let mut ids: Vec<i64> = found.unwrap_or_default().into_iter().collect();
        ids.sort_unstable_by(|a, b| b.cmp(a));
        ids.truncate(limit.max(1));
        Ok(ids)
    }

    fn clear(&self, _conn: &mut DbConn) -> Result<(), SearchError> {
        self.run(&self.ingest, |c| {
            c.flush(FlushRequest::collection(&self.collection))
        })?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_cleaned_and_chunked_under_sonic_buffer() {
        assert_eq!(clean("a \"b\"\\c\nd"), "a  b  c d");
        let long = "word ".repeat(5000);
        let parts = chunks(&long);
        assert!(parts.len() >= 3);
        assert!(parts.iter().all(|p| p.len() <= CHUNK && !p.is_empty()));
        assert_eq!(parts.concat().matches("word").count(), 5000);
    }
}
