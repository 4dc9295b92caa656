//! One page per file: what a route shows.

pub mod answers;
pub mod handover;
pub mod hardware;
pub mod known_issues;
pub mod login;
pub mod not_found;
pub mod search;
pub mod stats;
pub mod ticket;
pub mod view_list;
