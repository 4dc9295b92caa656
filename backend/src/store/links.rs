//! Links between tickets (and external URIs), stored once and read from both ends.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::rows::LinkRow;
use super::schema::links;
use super::DbConn;
use crate::insert_returning_id;

/// Stored link types; the reverse views are derived.
pub const STORED: &[&str] = &["DependsOn", "RefersTo", "MemberOf", "MergedInto"];

/// Maps a view name to (stored type, whether this ticket is the link's target).
pub fn resolve_view(view: &str) -> Option<(&'static str, bool)> {
    match view.to_ascii_lowercase().as_str() {
        "dependson" => Some(("DependsOn", false)),
        "dependedonby" => Some(("DependsOn", true)),
        "refersto" => Some(("RefersTo", false)),
        "referredtoby" => Some(("RefersTo", true)),
        "memberof" | "parent" => Some(("MemberOf", false)),
        "hasmember" | "members" | "child" => Some(("MemberOf", true)),
        _ => None,
    }
}

/// The view name for a stored type seen from the base (false) or target (true) side.
pub fn view_name(stored: &str, reverse: bool) -> &'static str {
    match (stored, reverse) {
        ("DependsOn", false) => "DependsOn",
        ("DependsOn", true) => "DependedOnBy",
        ("RefersTo", false) => "RefersTo",
        ("RefersTo", true) => "ReferredToBy",
        ("MemberOf", false) => "MemberOf",
        ("MemberOf", true) => "HasMember",
        ("MergedInto", false) => "MergedInto",
        _ => "MergedFrom",
    }
}

pub fn exists(conn: &mut DbConn, base: &str, link_type: &str, target: &str) -> QueryResult<bool> {
    let n: i64 = links::table
        .filter(links::base.eq(base))
        .filter(links::link_type.eq(link_type))
        .filter(links::target.eq(target))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

pub fn add(
    conn: &mut DbConn,
    base: &str,
    link_type: &str,
    target: &str,
    local_base: i64,
    local_target: i64,
    creator: i64,
    now: NaiveDateTime,
) -> QueryResult<i64> {
    insert_returning_id!(
        conn,
        links::table,
        (
            links::base.eq(base),
            links::target.eq(target),
            links::link_type.eq(link_type),
            links::local_base.eq(local_base),
            links::local_target.eq(local_target),
            links::creator.eq(creator),
            links::created.eq(now),
        ),
        links::id
    )
}

pub fn delete(conn: &mut DbConn, base: &str, link_type: &str, target: &str) -> QueryResult<usize> {
    diesel::delete(
        links::table
            .filter(links::base.eq(base))
            .filter(links::link_type.eq(link_type))
            .filter(links::target.eq(target)),
    )
    .execute(conn)
}

/// Every link touching a ticket (by its URI), from either end.
pub fn touching(conn: &mut DbConn, uri: &str) -> QueryResult<Vec<LinkRow>> {
    links::table
        .filter(links::base.eq(uri).or(links::target.eq(uri)))
        .order(links::id)
        .select(LinkRow::as_select())
        .load(conn)
}

/// Moves links of a merged ticket onto the surviving one, dropping self-links and duplicates.
pub fn repoint(conn: &mut DbConn, from_uri: &str, to_uri: &str, to_id: i64) -> QueryResult<()> {
    for l in touching(conn, from_uri)? {
        if l.link_type == "MergedInto" {
            continue;
        }
        let (base, lb) = if l.base == from_uri {
            (to_uri, to_id)
        } else {
            (l.base.as_str(), l.local_base)
        };
        let (target, lt) = if l.target == from_uri {
            (to_uri, to_id)
        } else {
            (l.target.as_str(), l.local_target)
        };
        if base == target || exists(conn, base, &l.link_type, target)? {
            diesel::delete(links::table.find(l.id)).execute(conn)?;
        } else {
            diesel::update(links::table.find(l.id))
                .set((
                    links::base.eq(base),
                    links::local_base.eq(lb),
                    links::target.eq(target),
                    links::local_target.eq(lt),
                ))
                .execute(conn)?;
        }
    }
    Ok(())
}
