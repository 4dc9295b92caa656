//! The date forms RT clients send and expect.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

/// Parses the forms RT accepts: ISO 8601 (with `T`/`Z` or offset), `YYYY-MM-DD HH:MM:SS`,
/// `YYYY-MM-DD`, and RT 1.0's `Tue Nov 24 13:48:02 2026`. Returns UTC.
pub fn parse(s: &str) -> Option<NaiveDateTime> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(dt.with_timezone(&Utc).naive_utc());
    }
    for fmt in [
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M:%SZ",
        "%a %b %e %H:%M:%S %Y",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(s, fmt) {
            return Some(dt);
        }
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
}

/// REST 2.0: `YYYY-MM-DDTHH:MM:SSZ`, and the epoch for unset.
pub fn rest2(dt: Option<NaiveDateTime>) -> String {
    match dt {
        Some(d) => d.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        None => "1970-01-01T00:00:00Z".into(),
    }
}

/// REST 1.0 ticket fields: ctime style, or `Not set`.
pub fn rest1(dt: Option<NaiveDateTime>) -> String {
    match dt {
        Some(d) => d.format("%a %b %d %H:%M:%S %Y").to_string(),
        None => "Not set".into(),
    }
}

/// SQL-style `YYYY-MM-DD HH:MM:SS`, as RT prints in history.
pub fn sql(dt: NaiveDateTime) -> String {
    dt.format("%Y-%m-%d %H:%M:%S").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        let want = NaiveDate::from_ymd_opt(2026, 11, 24).and_then(|d| d.and_hms_opt(13, 48, 2));
        assert_eq!(parse("2026-11-24T13:48:02Z"), want);
        assert_eq!(parse("2026-11-24 13:48:02"), want);
        assert_eq!(parse("Tue Nov 24 13:48:02 2026"), want);
        assert_eq!(parse("2026-11-24T14:48:02+01:00"), want);
        assert_eq!(parse("yesterday"), None);
        assert_eq!(rest2(None), "1970-01-01T00:00:00Z");
        assert_eq!(rest2(want), "2026-11-24T13:48:02Z");
        assert_eq!(rest1(want), "Tue Nov 24 13:48:02 2026");
        assert_eq!(rest1(None), "Not set");
    }
}
