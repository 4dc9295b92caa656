//! Request and response types of the Hushdesk API, shared by the server and the web app.
//!
//! The REST 2.0 shapes follow Request Tracker's own (see docs/rt-wire.md §4): RT's field
//! names, its string-typed integers, and its references `{id, type, _url}`.

pub mod app;
pub mod openpgp;
pub mod rest2;
pub mod retention;
pub mod search;
pub mod wb;
pub mod wb_contact;
