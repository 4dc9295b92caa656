//! One component per file.

pub mod server_status;
