//! Integration tests: the real app on port 0, against SQLite and against PostgreSQL.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod helpers;

mod app_answers;
mod app_common;
mod app_demo;
mod app_stats;
mod app_ticket_page;
mod app_views;

mod auth;
mod bad_input;
mod mail;
mod migrations;
mod openapi;
mod openpgp;
mod otrs;
mod outbound;
mod outbox_prune;
mod rest1;
mod retention;
mod search;
mod search_index;
mod tickets;

mod contact_back;
mod hardware;
mod known_issues;
mod wb_mail;
mod wb_samples;
mod whisperback;
