//! State shared by the whole app, provided once by [`crate::app::App`].

use hushdesk_api::app::QueueCounts;
use hushdesk_api::rest2::SessionResponse;
use leptos::prelude::*;

/// Where the login stands.
#[derive(Clone, Debug)]
pub enum Auth {
    Checking,
    LoggedOut,
    LoggedIn(SessionResponse),
    /// The session could not be checked (server unreachable, …).
    Failed(String),
}

#[derive(Clone, Copy)]
pub struct Ctx {
    pub auth: RwSignal<Auth>,
    /// Bumped by the poller and after every change, so counts and lists refetch.
    pub tick: RwSignal<u32>,
    /// The keyboard help overlay is open.
    pub help: RwSignal<bool>,
    /// Queues from the last sidebar answer (for language and queue pickers).
    pub queues: RwSignal<Vec<QueueCounts>>,
}

impl Ctx {
    pub fn new() -> Self {
        Self {
            auth: RwSignal::new(Auth::Checking),
            tick: RwSignal::new(0),
            help: RwSignal::new(false),
            queues: RwSignal::new(Vec::new()),
        }
    }

    pub fn refresh(&self) {
        self.tick.update(|t| *t = t.wrapping_add(1));
    }

    /// The logged-in user (untracked).
    pub fn me(&self) -> Option<SessionResponse> {
        self.auth.with_untracked(|a| match a {
            Auth::LoggedIn(s) => Some(s.clone()),
            _ => None,
        })
    }

    /// Languages of the visible queues, sorted, without duplicates.
    pub fn languages(&self) -> Vec<String> {
        let mut langs: Vec<String> = self
            .queues
            .with(|qs| qs.iter().map(|q| q.language.clone()).collect());
        langs.sort();
        langs.dedup();
        langs
    }
}

pub fn ctx() -> Ctx {
    expect_context::<Ctx>()
}
