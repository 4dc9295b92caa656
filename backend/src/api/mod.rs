//! HTTP only: extract, authorise, call domain/store, map to API types.

pub mod auth;
pub mod error;
pub mod mail_gateway;
pub mod otrs;
pub mod rest1;
pub mod rest2;
pub mod web;

use std::sync::Arc;

use crate::auth::{BasicCache, SessionKeys};
use crate::config::Config;
use crate::domain::clock::Clock;
use crate::store::Store;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    /// The full-text index (`[search] backend`).
    pub search: Arc<dyn crate::search::SearchIndex>,
    pub clock: Arc<dyn Clock>,
    pub config: Arc<Config>,
    pub basic_cache: Arc<BasicCache>,
    pub sessions: Arc<SessionKeys>,
    pub base_url: Arc<str>,
}

impl AppState {
    pub fn url(&self, path: &str) -> String {
        format!("{}/REST/2.0/{path}", self.base_url)
    }
}
