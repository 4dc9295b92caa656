//! One component per file.

pub mod answer_form;
pub mod answer_picker;
pub mod chart;
pub mod composer;
pub mod contact_back;
pub mod error_note;
pub mod help_overlay;
pub mod history_entry;
pub mod pager;
pub mod pgp_badge;
pub mod server_status;
pub mod shell;
pub mod sidebar;
pub mod stats_panel;
pub mod ticket_actions;
pub mod ticket_facts;
pub mod ticket_known_issues;
pub mod ticket_report;
pub mod ticket_table;
pub mod view_tabs;
pub mod wb_dashboard;
