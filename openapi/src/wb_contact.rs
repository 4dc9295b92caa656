//! Contacting users back when a known issue is fixed: a preview (dry run) and the real action.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// `POST /REST/2.0/known-issue/{id}/contact-back[/preview]`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, Default, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ContactBackRequest {
    /// Template answers to reply with, at most one per language (each answer's own language
    /// decides which tickets get it).
    pub answers: Vec<i64>,
    /// Language whose answer goes to tickets in a language without one (default `en`).
    #[serde(default)]
    pub default_language: Option<String>,
    /// Real run only, required: the `count` the preview returned. A different count (tickets
    /// linked, merged or answered meanwhile) is refused with 409 and nothing is sent.
    #[serde(default)]
    pub expected_count: Option<i64>,
    /// Status to set with each reply (e.g. `resolved`); absent: a reply opens new and
    /// resolved tickets, as in RT.
    #[serde(default)]
    pub status: Option<String>,
}

/// The rendered text for one language.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
pub struct ContactBackLanguage {
    /// ISO 639-1 language of the answer sent.
    pub language: String,
    pub answer: i64,
    pub answer_title: String,
    /// Tickets replied to (or, in a preview, to be replied to) in this language.
    pub tickets: Vec<i64>,
    /// The answer rendered for the first of them.
    pub sample_ticket: i64,
    pub text: String,
    /// Variables of the answer that are not known (left as written).
    pub unknown_variables: Vec<String>,
}

/// One reply.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
pub struct ContactBackReply {
    pub ticket: i64,
    /// The ticket's language: its report's, else its queue's.
    pub ticket_language: String,
    /// The language of the answer used (the default language when the ticket's had none).
    pub language: String,
    pub answer: i64,
    /// The Correspond transaction (absent in a preview).
    pub transaction: Option<i64>,
}

/// A linked ticket that gets no reply, and why.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
pub struct ContactBackSkip {
    pub ticket: i64,
    /// `already_contacted`, `no_requestor` or `no_answer_for_language`.
    pub reason: String,
}

/// What the action did (or, as a preview, would do).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
pub struct ContactBackResponse {
    pub known_issue: i64,
    /// `true` for the preview: nothing was sent or recorded.
    pub dry_run: bool,
    /// Replies sent (or to be sent).
    pub count: i64,
    pub languages: Vec<ContactBackLanguage>,
    pub replies: Vec<ContactBackReply>,
    pub skipped: Vec<ContactBackSkip>,
}
