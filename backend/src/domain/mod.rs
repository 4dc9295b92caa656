//! The help-desk model: RT's rules without HTTP or SQL.

pub mod answers;
pub mod app_stats;
pub mod clock;
pub mod contact_back;
pub mod dates;
pub mod error;
pub mod ids;
pub mod known_issues;
pub mod lifecycle;
pub mod mime;
pub mod retention;
pub mod rights;
pub mod ticketsql;
pub mod txn;
