//! Hardware evidence: devices of reports linked to known issues, and supporters' marks.

use std::collections::BTreeMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{
    hardware_marks, known_issue_tickets, known_issues, tickets, wb_report_devices, wb_reports,
};
use super::sqlfn::lower;
use super::DbConn;
use crate::domain::known_issues::{outcome, report_outcome, DeviceIdent, Outcome, OutcomeTable};
use crate::insert_returning_id;

/// A device of a report that is linked to one known issue.
#[derive(Debug, Clone)]
pub struct Evidence {
    /// `wb_report_devices.id`: one device of one report.
    pub device_row: i64,
    pub kind: String,
    pub key: String,
    pub role: String,
    pub name: String,
    pub version: String,
    /// The linked issue's hardware roles (comma-separated).
    pub issue_roles: String,
    /// The report's user-added boot options (space-separated).
    pub boot_added: String,
}

#[derive(Debug, Default, Clone)]
pub struct EvidenceFilter {
    pub device: Option<(String, String)>,
    pub version: Option<String>,
    pub role: Option<String>,
    /// Only these tickets' reports.
    pub tickets: Option<Vec<i64>>,
}

pub fn evidence(conn: &mut DbConn, f: &EvidenceFilter) -> QueryResult<Vec<Evidence>> {
    let mut q = wb_report_devices::table
        .inner_join(wb_reports::table)
        .inner_join(
            known_issue_tickets::table
                .on(known_issue_tickets::ticket_id.eq(wb_report_devices::ticket_id)),
        )
        .inner_join(
            known_issues::table.on(known_issues::id.eq(known_issue_tickets::known_issue_id)),
        )
        .inner_join(tickets::table.on(tickets::id.eq(wb_report_devices::ticket_id)))
        .filter(tickets::status.ne("deleted"))
        .filter(wb_report_devices::tails_version.is_not_null())
        .select((
            wb_report_devices::id,
            wb_report_devices::kind,
            wb_report_devices::device_key,
            wb_report_devices::role,
            wb_report_devices::name,
            wb_report_devices::tails_version,
            known_issues::hardware_roles,
            wb_reports::boot_added,
        ))
        .order((wb_report_devices::id, known_issues::id))
        .into_boxed();
    if let Some((kind, key)) = &f.device {
        q = q
            .filter(wb_report_devices::kind.eq(kind.clone()))
            .filter(wb_report_devices::device_key.eq(key.clone()));
    }
    if let Some(v) = &f.version {
        q = q.filter(wb_report_devices::tails_version.eq(v.clone()));
    }
    if let Some(r) = &f.role {
        q = q.filter(wb_report_devices::role.eq(r.clone()));
    }
    if let Some(t) = &f.tickets {
        q = q.filter(wb_report_devices::ticket_id.eq_any(t.clone()));
    }
    type Raw = (
        i64,
        String,
        String,
        String,
        String,
        Option<String>,
        String,
        String,
    );
    let rows: Vec<Raw> = q.load(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(device_row, kind, key, role, name, version, issue_roles, boot_added)| Evidence {
                device_row,
                kind,
                key,
                role,
                name,
                version: version.unwrap_or_default(),
                issue_roles,
                boot_added,
            },
        )
        .collect())
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = hardware_marks)]
pub struct MarkRow {
    pub id: i64,
    pub kind: String,
    pub device_key: String,
    pub tails_version: String,
    pub outcome: String,
    pub note: String,
    pub ticket_id: Option<i64>,
    pub creator: i64,
    pub created: NaiveDateTime,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = hardware_marks)]
pub struct NewMark {
    pub kind: String,
    pub device_key: String,
    pub tails_version: String,
    pub outcome: String,
    pub note: String,
    pub ticket_id: Option<i64>,
    pub creator: i64,
    pub created: NaiveDateTime,
}

pub fn add_mark(conn: &mut DbConn, new: &NewMark) -> QueryResult<i64> {
    insert_returning_id!(conn, hardware_marks::table, new, hardware_marks::id)
}

pub fn marks(conn: &mut DbConn, f: &EvidenceFilter) -> QueryResult<Vec<MarkRow>> {
    let mut q = hardware_marks::table
        .select(MarkRow::as_select())
        .order(hardware_marks::id)
        .into_boxed();
    if let Some((kind, key)) = &f.device {
        q = q
            .filter(hardware_marks::kind.eq(kind.clone()))
            .filter(hardware_marks::device_key.eq(key.clone()));
    }
    if let Some(v) = &f.version {
        q = q.filter(hardware_marks::tails_version.eq(v.clone()));
    }
    q.load(conn)
}

/// Reports mentioning a device: (ticket, queue, report id, version, role, name, created).
pub type MentionRow = (
    i64,
    i64,
    Option<String>,
    Option<String>,
    String,
    String,
    NaiveDateTime,
);

pub fn mentions(conn: &mut DbConn, kind: &str, key: &str) -> QueryResult<Vec<MentionRow>> {
    wb_report_devices::table
        .inner_join(wb_reports::table)
        .inner_join(tickets::table.on(tickets::id.eq(wb_report_devices::ticket_id)))
        .filter(wb_report_devices::kind.eq(kind))
        .filter(wb_report_devices::device_key.eq(key))
        .filter(tickets::status.ne("deleted"))
        .select((
            wb_report_devices::ticket_id,
            tickets::queue_id,
            wb_reports::report_id,
            wb_report_devices::tails_version,
            wb_report_devices::role,
            wb_report_devices::name,
            wb_reports::created,
        ))
        .order(wb_report_devices::ticket_id)
        .load(conn)
}

/// Name and roles of a device from the reports mentioning it.
pub fn describe(conn: &mut DbConn, kind: &str, key: &str) -> QueryResult<Vec<(String, String)>> {
    wb_report_devices::table
        .filter(wb_report_devices::kind.eq(kind))
        .filter(wb_report_devices::device_key.eq(key))
        .select((wb_report_devices::role, wb_report_devices::name))
        .order(wb_report_devices::id.desc())
        .load(conn)
}

/// What each device row of the matching reports says: a report linked to several issues
/// counts once, with its worst outcome.
pub fn device_outcomes(
    conn: &mut DbConn,
    f: &EvidenceFilter,
) -> QueryResult<Vec<(Evidence, Outcome)>> {
    let mut per_row: BTreeMap<i64, (Evidence, Outcome)> = BTreeMap::new();
    for e in evidence(conn, f)? {
        let roles = super::known_issues::split_list(&e.issue_roles);
        let roles: Vec<&str> = roles.iter().map(String::as_str).collect();
        let o = report_outcome(&e.role, &roles, !e.boot_added.trim().is_empty());
        match per_row.get_mut(&e.device_row) {
            Some((_, prev)) => {
                if severity(o) > severity(*prev) {
                    *prev = o;
                }
            }
            None => {
                per_row.insert(e.device_row, (e, o));
            }
        }
    }
    Ok(per_row.into_values().collect())
}

/// Outcomes per device and version: reports linked to known issues, the anonymous counts
/// kept when reports' hardware facts were purged, plus supporters' marks.
pub fn outcome_table(conn: &mut DbConn, f: &EvidenceFilter) -> QueryResult<OutcomeTable> {
    let mut table = OutcomeTable::default();
    for (e, o) in device_outcomes(conn, f)? {
        let entry = table.entry(&e.kind, &e.key);
        if entry.name.is_empty() {
            entry.name = e.name.clone();
        }
        entry.roles.insert(e.role.clone());
        entry.versions.entry(e.version).or_default().add(o);
    }
    super::hardware_counts::add_to(conn, f, &mut table)?;
    for m in marks(conn, f)? {
        let Ok(o) = outcome(&m.outcome) else { continue };
        let ident = DeviceIdent {
            kind: m.kind.clone(),
            key: m.device_key.clone(),
        };
        if f.role.is_some() && !table.devices.contains_key(&ident) {
            continue;
        }
        let entry = table.devices.entry(ident).or_default();
        entry
            .versions
            .entry(m.tails_version.clone())
            .or_default()
            .mark(m.created, m.id, o);
    }
    Ok(table)
}

fn severity(o: Outcome) -> u8 {
    match o {
        Outcome::Works => 0,
        Outcome::Partial => 1,
        Outcome::Fails => 2,
    }
}

/// The stored spelling of a device key: laptop model keys match case-insensitively
/// ("LENOVO ThinkPad T480" finds "Lenovo ThinkPad T480"); ids are already canonical.
pub fn canonical_key(conn: &mut DbConn, kind: &str, key: &str) -> QueryResult<String> {
    if kind != "model" {
        return Ok(key.to_owned());
    }
    let found: Option<String> = wb_report_devices::table
        .filter(wb_report_devices::kind.eq(kind))
        .filter(lower(wb_report_devices::device_key).eq(key.to_lowercase()))
        .select(wb_report_devices::device_key)
        .first(conn)
        .optional()?;
    Ok(found.unwrap_or_else(|| key.to_owned()))
}
