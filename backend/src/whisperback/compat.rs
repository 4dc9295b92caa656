//! Hardware compatibility and top-bugs figures in the shapes the API, the dashboard and
//! `hushdesk export hardware` share.

use std::collections::HashMap;

use hushdesk_api::wb::{FailingDevice, HardwareExportRow, TopBug, VersionOutcome, VersionTally};

use crate::domain::error::DomainResult;
use crate::domain::known_issues::{rank, DeviceEntry, IssueCount, Outcome, OutcomeTable, Tally};
use crate::store::known_issues::{self as ki, LinkFilter};
use crate::store::DbConn;

pub fn version_outcome(version: &str, t: &Tally) -> Option<VersionOutcome> {
    let o = t.verdict()?;
    Some(VersionOutcome {
        version: version.to_owned(),
        outcome: o.as_str().to_owned(),
        works: t.works,
        fails: t.fails,
        partial: t.partial,
        marked: t.marked.map(|(_, _, m)| m.as_str().to_owned()),
    })
}

pub fn device_versions(entry: &DeviceEntry) -> Vec<VersionOutcome> {
    OutcomeTable::sorted_versions(entry)
        .into_iter()
        .filter_map(|(v, t)| version_outcome(v, t))
        .collect()
}

pub fn export_rows(table: &OutcomeTable) -> Vec<HardwareExportRow> {
    let mut out = Vec::new();
    for (ident, entry) in &table.devices {
        let roles = entry.roles.iter().cloned().collect::<Vec<_>>().join(" ");
        for v in device_versions(entry) {
            out.push(HardwareExportRow {
                kind: ident.kind.clone(),
                key: ident.key.clone(),
                name: entry.name.clone(),
                roles: roles.clone(),
                version: v.version,
                outcome: v.outcome,
                works: v.works,
                fails: v.fails,
                partial: v.partial,
            });
        }
    }
    out
}

/// CSV with a header line (RFC 4180 quoting).
pub fn to_csv(rows: &[HardwareExportRow]) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    for r in rows {
        w.serialize(r)?;
    }
    if rows.is_empty() {
        w.write_record([
            "kind", "key", "name", "roles", "version", "outcome", "works", "fails", "partial",
        ])?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| csv::Error::from(std::io::Error::other(e.to_string())))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Devices by problem reports (fails + partial: a workaround was needed), then outright
/// failures, then fewer successes, then identity.
pub fn top_failing(table: &OutcomeTable, limit: usize) -> Vec<FailingDevice> {
    let mut v: Vec<FailingDevice> = table
        .devices
        .iter()
        .filter_map(|(ident, entry)| {
            let (mut works, mut fails, mut partial) = (0, 0, 0);
            let mut versions = Vec::new();
            for (ver, t) in OutcomeTable::sorted_versions(entry) {
                works += t.works;
                fails += t.fails;
                partial += t.partial;
                if t.verdict() == Some(Outcome::Fails) || t.fails > 0 {
                    versions.push(ver.clone());
                }
            }
            (fails + partial > 0).then(|| FailingDevice {
                rank: 0,
                kind: ident.kind.clone(),
                key: ident.key.clone(),
                name: entry.name.clone(),
                role: entry.roles.iter().next().cloned().unwrap_or_default(),
                fails,
                partial,
                works,
                versions,
            })
        })
        .collect();
    v.sort_by(|a, b| {
        (b.fails + b.partial)
            .cmp(&(a.fails + a.partial))
            .then_with(|| b.fails.cmp(&a.fails))
            .then_with(|| a.works.cmp(&b.works))
            .then_with(|| (&a.kind, &a.key).cmp(&(&b.kind, &b.key)))
    });
    v.truncate(limit);
    for (i, d) in v.iter_mut().enumerate() {
        d.rank = i64::try_from(i).unwrap_or(i64::MAX) + 1;
    }
    v
}

/// Device outcomes summed per version, newest first.
pub fn version_tallies(table: &OutcomeTable) -> Vec<VersionTally> {
    let mut per: HashMap<String, VersionTally> = HashMap::new();
    for entry in table.devices.values() {
        for (v, t) in &entry.versions {
            let e = per.entry(v.clone()).or_insert_with(|| VersionTally {
                version: v.clone(),
                reports: 0,
                works: 0,
                fails: 0,
                partial: 0,
            });
            e.reports += t.works + t.fails + t.partial;
            e.works += t.works;
            e.fails += t.fails;
            e.partial += t.partial;
        }
    }
    let mut v: Vec<VersionTally> = per.into_values().collect();
    v.sort_by(|a, b| crate::domain::known_issues::compare_versions(&b.version, &a.version));
    v
}

/// Ticket and distinct-requestor counts per known issue.
pub fn issue_counts(
    conn: &mut DbConn,
    filter: &LinkFilter,
    language: Option<&str>,
) -> DomainResult<HashMap<i64, IssueCount>> {
    let facts = ki::link_facts(conn, filter)?;
    let facts: Vec<_> = facts
        .into_iter()
        .filter(|f| language.is_none_or(|l| f.language.eq_ignore_ascii_case(l)))
        .collect();
    let mut ids: Vec<i64> = facts.iter().map(|f| f.ticket).collect();
    ids.sort_unstable();
    ids.dedup();
    let requestors = ki::requestors_of(conn, &ids)?;
    let frozen = ki::frozen_tokens(conn, &ids)?;
    let mut out: HashMap<i64, IssueCount> = HashMap::new();
    for f in facts {
        let c = out.entry(f.issue).or_default();
        c.tickets.insert(f.ticket);
        // A purged ticket counts with the pseudonyms frozen before its watchers went.
        match frozen.get(&(f.issue, f.ticket)) {
            Some(tokens) => c.requestors.extend(tokens.iter().cloned()),
            None => {
                if let Some(rs) = requestors.get(&f.ticket) {
                    c.requestors
                        .extend(rs.iter().map(|u| ki::requestor_token(f.issue, *u)));
                }
            }
        }
    }
    Ok(out)
}

/// The top-bugs ranking: known issues by linked tickets in the window.
pub fn top_bugs(
    conn: &mut DbConn,
    filter: &LinkFilter,
    language: Option<&str>,
    include_closed: bool,
    limit: usize,
) -> DomainResult<Vec<TopBug>> {
    let counts = issue_counts(conn, filter, language)?;
    let issues: HashMap<i64, ki::KnownIssueRow> = ki::list(conn, None)?
        .into_iter()
        .map(|i| (i.id, i))
        .collect();
    let mut out = Vec::new();
    for (id, c) in rank(counts) {
        let Some(issue) = issues.get(&id) else {
            continue;
        };
        if !include_closed && issue.status != "open" {
            continue;
        }
        out.push(TopBug {
            rank: i64::try_from(out.len()).unwrap_or(i64::MAX) + 1,
            id,
            title: issue.title.clone(),
            status: issue.status.clone(),
            tickets: i64::try_from(c.tickets.len()).unwrap_or(i64::MAX),
            requestors: i64::try_from(c.requestors.len()).unwrap_or(i64::MAX),
        });
        if out.len() >= limit {
            break;
        }
    }
    Ok(out)
}
