//! Anonymous hardware outcome counts (device, version, role, outcome → n): what purged
//! reports said, kept so compatibility figures do not drop when per-ticket facts go.

use diesel::prelude::*;

use super::hardware::{device_outcomes, EvidenceFilter};
use super::schema::hardware_outcome_counts as hc;
use super::DbConn;
use crate::domain::known_issues::{outcome, OutcomeTable};

/// Adds the kept counts matching the filter (device, version, role) to `table`.
pub fn add_to(conn: &mut DbConn, f: &EvidenceFilter, table: &mut OutcomeTable) -> QueryResult<()> {
    let mut q = hc::table
        .select((
            hc::kind,
            hc::device_key,
            hc::tails_version,
            hc::role,
            hc::outcome,
            hc::name,
            hc::count,
        ))
        .order((hc::kind, hc::device_key, hc::tails_version, hc::role))
        .into_boxed();
    if let Some((kind, key)) = &f.device {
        q = q
            .filter(hc::kind.eq(kind.clone()))
            .filter(hc::device_key.eq(key.clone()));
    }
    if let Some(v) = &f.version {
        q = q.filter(hc::tails_version.eq(v.clone()));
    }
    if let Some(r) = &f.role {
        q = q.filter(hc::role.eq(r.clone()));
    }
    type Raw = (String, String, String, String, String, String, i64);
    let rows: Vec<Raw> = q.load(conn)?;
    for (kind, key, version, role, o, name, n) in rows {
        let Ok(o) = outcome(&o) else { continue };
        let entry = table.entry(&kind, &key);
        if entry.name.is_empty() {
            entry.name = name;
        }
        entry.roles.insert(role);
        entry.versions.entry(version).or_default().add_count(o, n);
    }
    Ok(())
}

/// Folds what these tickets' reports say about their devices into the anonymous counts.
/// Call it before their device rows are deleted; returns how many device rows it counted.
pub fn freeze(conn: &mut DbConn, ticket_ids: &[i64]) -> QueryResult<u64> {
    let f = EvidenceFilter {
        tickets: Some(ticket_ids.to_vec()),
        ..EvidenceFilter::default()
    };
    let mut n = 0;
    for (e, o) in device_outcomes(conn, &f)? {
        let key = hc::table
            .filter(hc::kind.eq(&e.kind))
            .filter(hc::device_key.eq(&e.key))
            .filter(hc::tails_version.eq(&e.version))
            .filter(hc::role.eq(&e.role))
            .filter(hc::outcome.eq(o.as_str()));
        let updated = diesel::update(key)
            .set(hc::count.eq(hc::count + 1))
            .execute(conn)?;
        if updated == 0 {
            diesel::insert_into(hc::table)
                .values((
                    hc::kind.eq(&e.kind),
                    hc::device_key.eq(&e.key),
                    hc::tails_version.eq(&e.version),
                    hc::role.eq(&e.role),
                    hc::outcome.eq(o.as_str()),
                    hc::name.eq(&e.name),
                    hc::count.eq(1i64),
                ))
                .execute(conn)?;
        }
        n += 1;
    }
    Ok(n)
}
