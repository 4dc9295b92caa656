//! Integration tests: the real app on port 0, against SQLite and against PostgreSQL.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod helpers;

mod auth;
mod bad_input;
mod mail;
mod migrations;
mod openapi;
mod openpgp;
mod otrs;
mod outbound;
mod rest1;
mod search;
mod tickets;
