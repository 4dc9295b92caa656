//! Full-text search (`GET /REST/2.0/search`), a Hushdesk extension.

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// Free text plus metadata filters.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FullTextQuery {
    /// Words to find (all of them) in subjects, messages, comments and text attachments.
    pub q: String,
    /// Queue name or id.
    pub queue: Option<String>,
    /// Status, or several separated by commas (default: every status but `deleted`).
    pub status: Option<String>,
    /// ISO 639-1 language of the ticket, e.g. `fr`: the language its mail was written in,
    /// else its WhisperBack report's, else its queue's.
    pub language: Option<String>,
    /// Tickets created at or after this date (`YYYY-MM-DD` or ISO 8601).
    pub from: Option<String>,
    /// Tickets created at or before this date (a bare day includes the whole day).
    pub to: Option<String>,
    /// Tails version of the ticket's WhisperBack report, e.g. `6.10`; several separated by
    /// commas match any of them.
    pub tails_version: Option<String>,
    /// Hardware in the ticket's WhisperBack report: PCI or USB ids `vendor:device` (e.g.
    /// `8086:a370`; several separated by commas match any of them), or one laptop model key
    /// as the hardware API lists it (e.g. `LENOVO ThinkPad 11e 5th Gen`). Case-insensitive.
    pub hardware: Option<String>,
    /// Page, from 1.
    pub page: Option<i64>,
    /// Items per page (default 20, max 100).
    pub per_page: Option<i64>,
}

/// A piece of a snippet; `highlight` marks a word that matched the query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct SnippetPiece {
    pub text: String,
    pub highlight: bool,
}

/// One ticket found.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct FullTextHit {
    pub id: i64,
    pub subject: String,
    pub queue: String,
    pub status: String,
    /// ISO 639-1 language of the ticket (mail, else WhisperBack report, else queue).
    pub language: String,
    pub created: String,
    pub last_updated: String,
    pub _url: String,
    /// The stretch of text that matched, in reading order.
    pub snippet: Vec<SnippetPiece>,
}

/// A page of tickets, newest first.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct FullTextResponse {
    pub count: i64,
    pub page: i64,
    pub per_page: i64,
    /// Visible matches among the first `[search] max_candidates` hits of the index.
    pub total: i64,
    /// The index that answered: `database` or `sonic`.
    pub backend: String,
    pub items: Vec<FullTextHit>,
}
