//! WhisperBack reports stored beside their tickets: normalised columns for queries, the
//! devices they mention, and the full facts as JSON.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{wb_report_devices, wb_reports};
use super::DbConn;
use crate::insert_returning_id;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = wb_reports)]
pub struct ReportRow {
    pub id: i64,
    pub ticket_id: i64,
    pub report_id: Option<String>,
    pub tails_version: Option<String>,
    pub body_format: Option<String>,
    pub debugging_info_era: Option<String>,
    pub language: Option<String>,
    pub contact_email: Option<String>,
    pub openpgp_key_kind: Option<String>,
    pub openpgp_key_value: Option<String>,
    pub openpgp_key_block: Option<String>,
    pub bug_app: Option<String>,
    pub bug_summary: Option<String>,
    pub bug_details: Option<String>,
    pub machine_key: Option<String>,
    pub boot_added: String,
    pub size_bytes: i64,
    pub facts: String,
    pub created: NaiveDateTime,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = wb_reports)]
pub struct NewReport<'a> {
    pub ticket_id: i64,
    pub report_id: Option<&'a str>,
    pub tails_version: Option<&'a str>,
    pub body_format: Option<&'a str>,
    pub debugging_info_era: Option<&'a str>,
    pub language: Option<&'a str>,
    pub contact_email: Option<&'a str>,
    pub openpgp_key_kind: Option<&'a str>,
    pub openpgp_key_value: Option<&'a str>,
    pub openpgp_key_block: Option<&'a str>,
    pub bug_app: Option<&'a str>,
    pub bug_summary: Option<&'a str>,
    pub bug_details: Option<&'a str>,
    pub machine_key: Option<&'a str>,
    pub boot_added: &'a str,
    pub size_bytes: i64,
    pub facts: &'a str,
    pub created: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = wb_report_devices)]
pub struct DeviceRow {
    pub id: i64,
    pub report_id: i64,
    pub ticket_id: i64,
    pub kind: String,
    pub device_key: String,
    pub role: String,
    pub name: String,
    pub driver: Option<String>,
    pub tails_version: Option<String>,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = wb_report_devices)]
pub struct NewDevice {
    pub report_id: i64,
    pub ticket_id: i64,
    pub kind: String,
    pub device_key: String,
    pub role: String,
    pub name: String,
    pub driver: Option<String>,
    pub tails_version: Option<String>,
}

pub fn insert(conn: &mut DbConn, new: &NewReport<'_>) -> QueryResult<i64> {
    insert_returning_id!(conn, wb_reports::table, new, wb_reports::id)
}

pub fn insert_devices(conn: &mut DbConn, devices: &[NewDevice]) -> QueryResult<()> {
    // One statement per row: diesel's multi-backend connection has no batch insert.
    for d in devices {
        diesel::insert_into(wb_report_devices::table)
            .values(d)
            .execute(conn)?;
    }
    Ok(())
}

pub fn by_ticket(conn: &mut DbConn, ticket: i64) -> QueryResult<Option<ReportRow>> {
    wb_reports::table
        .filter(wb_reports::ticket_id.eq(ticket))
        .select(ReportRow::as_select())
        .first(conn)
        .optional()
}

pub fn by_report_id(conn: &mut DbConn, report_id: &str) -> QueryResult<Option<ReportRow>> {
    wb_reports::table
        .filter(wb_reports::report_id.eq(report_id))
        .select(ReportRow::as_select())
        .first(conn)
        .optional()
}

pub fn devices_of(conn: &mut DbConn, report: i64) -> QueryResult<Vec<DeviceRow>> {
    wb_report_devices::table
        .filter(wb_report_devices::report_id.eq(report))
        .select(DeviceRow::as_select())
        .order(wb_report_devices::id)
        .load(conn)
}
