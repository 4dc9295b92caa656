//! The supporters' app extensions under `/REST/2.0/hushdesk/…`: sidebar, views, handover,
//! template answers, statistics and the ticket page.

pub mod answers;
pub mod attachment_content;
pub mod handover;
pub mod me;
pub mod shared;
pub mod sidebar;
pub mod stats;
pub mod ticket_page;
pub mod view_counts;
pub mod views;
