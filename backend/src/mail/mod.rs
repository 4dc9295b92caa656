//! Mail: the inbound pipeline (RT's mail gateway, parsing, threading, loops, language routing)
//! and, beside it, outbound delivery.

pub mod config;
pub mod html;
pub mod inbound;
pub mod outbound;
pub mod parse;
pub mod rules;
pub mod transport;
pub mod whisperback;

pub use config::MailConfig;
