//! Statistics for the dashboard, computed from a few facts per ticket: no SQL, no HTTP.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};

/// What a statistic needs of a ticket.
#[derive(Debug, Clone)]
pub struct TicketFacts {
    pub created: NaiveDateTime,
    /// When it stopped counting as open, if it did (resolved, rejected or deleted).
    pub closed: Option<NaiveDateTime>,
    /// Resolved (not rejected or deleted) at this time.
    pub resolved: Option<NaiveDateTime>,
    pub first_response: Option<NaiveDateTime>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Day,
    Week,
}

impl Period {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "day" => Some(Self::Day),
            "week" => Some(Self::Week),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Day => "day",
            Self::Week => "week",
        }
    }

    fn start_of(self, d: NaiveDate) -> NaiveDate {
        match self {
            Self::Day => d,
            Self::Week => d - Duration::days(i64::from(d.weekday().num_days_from_monday())),
        }
    }

    fn len(self) -> Duration {
        match self {
            Self::Day => Duration::days(1),
            Self::Week => Duration::days(7),
        }
    }
}

/// The periods covering `from..=to`, each as its first day.
pub fn periods(from: NaiveDate, to: NaiveDate, period: Period) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    let mut d = period.start_of(from);
    while d <= to {
        out.push(d);
        d += period.len();
    }
    out
}

fn count_per_period(
    times: impl Iterator<Item = NaiveDateTime>,
    from: NaiveDate,
    to: NaiveDate,
    period: Period,
) -> Vec<(NaiveDate, i64)> {
    let starts = periods(from, to, period);
    let mut counts = vec![0i64; starts.len()];
    for t in times {
        let d = t.date();
        if d < from || d > to {
            continue;
        }
        let start = period.start_of(d);
        if let Ok(i) = starts.binary_search(&start) {
            counts[i] += 1;
        }
    }
    starts.into_iter().zip(counts).collect()
}

/// Tickets created per period.
pub fn new_tickets(
    items: &[TicketFacts],
    from: NaiveDate,
    to: NaiveDate,
    period: Period,
) -> Vec<(NaiveDate, i64)> {
    count_per_period(items.iter().map(|t| t.created), from, to, period)
}

/// Tickets resolved per period.
pub fn resolved(
    items: &[TicketFacts],
    from: NaiveDate,
    to: NaiveDate,
    period: Period,
) -> Vec<(NaiveDate, i64)> {
    count_per_period(items.iter().filter_map(|t| t.resolved), from, to, period)
}

/// Tickets open at the end of each day (created by then and not yet closed).
pub fn backlog(items: &[TicketFacts], from: NaiveDate, to: NaiveDate) -> Vec<(NaiveDate, i64)> {
    periods(from, to, Period::Day)
        .into_iter()
        .map(|d| {
            let end = (d + Duration::days(1)).and_time(chrono::NaiveTime::MIN);
            let n = items
                .iter()
                .filter(|t| t.created < end && t.closed.is_none_or(|c| c >= end))
                .count();
            (d, i64::try_from(n).unwrap_or(i64::MAX))
        })
        .collect()
}

/// First-response buckets: label and upper bound in hours (exclusive).
pub const BUCKETS: &[(&str, i64)] = &[
    ("<1h", 1),
    ("1-4h", 4),
    ("4-24h", 24),
    ("1-3d", 72),
    ("3-7d", 168),
    (">7d", i64::MAX),
];

/// Label of the bucket for tickets without any reply yet.
pub const NO_REPLY: &str = "no reply";

/// Time to first reply of tickets created in `from..=to`, in [`BUCKETS`] then [`NO_REPLY`].
pub fn first_response(items: &[TicketFacts], from: NaiveDate, to: NaiveDate) -> Vec<(String, i64)> {
    let mut counts = vec![0i64; BUCKETS.len() + 1];
    for t in items {
        let d = t.created.date();
        if d < from || d > to {
            continue;
        }
        let slot = match t.first_response {
            None => BUCKETS.len(),
            Some(r) => {
                let secs = (r - t.created).num_seconds().max(0);
                BUCKETS
                    .iter()
                    .position(|(_, h)| secs < h.saturating_mul(3600))
                    .unwrap_or(BUCKETS.len() - 1)
            }
        };
        counts[slot] += 1;
    }
    BUCKETS
        .iter()
        .map(|(l, _)| (*l).to_owned())
        .chain(std::iter::once(NO_REPLY.to_owned()))
        .zip(counts)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }
    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }
    fn t(created: &str, closed: Option<&str>, reply: Option<&str>) -> TicketFacts {
        TicketFacts {
            created: at(created),
            closed: closed.map(at),
            resolved: closed.map(at),
            first_response: reply.map(at),
        }
    }

    #[test]
    fn weeks_start_on_monday() {
        // 2026-11-24 is a Tuesday.
        let p = periods(day("2026-11-24"), day("2026-12-07"), Period::Week);
        assert_eq!(
            p,
            vec![day("2026-11-23"), day("2026-11-30"), day("2026-12-07")]
        );
    }

    #[test]
    fn counts_and_backlog() {
        let items = vec![
            t(
                "2026-11-01 10:00",
                Some("2026-11-02 09:00"),
                Some("2026-11-01 10:30"),
            ),
            t("2026-11-01 23:59", None, Some("2026-11-02 05:00")),
            t("2026-11-02 08:00", None, None),
            t(
                "2026-11-03 08:00",
                Some("2026-11-03 08:01"),
                Some("2026-11-10 08:01"),
            ),
        ];
        let from = day("2026-11-01");
        let to = day("2026-11-03");
        let n: Vec<i64> = new_tickets(&items, from, to, Period::Day)
            .into_iter()
            .map(|x| x.1)
            .collect();
        assert_eq!(n, vec![2, 1, 1]);
        let b: Vec<i64> = backlog(&items, from, to).into_iter().map(|x| x.1).collect();
        assert_eq!(b, vec![2, 2, 2]);
        let r: Vec<i64> = resolved(&items, from, to, Period::Day)
            .into_iter()
            .map(|x| x.1)
            .collect();
        assert_eq!(r, vec![0, 1, 1]);
        let f = first_response(&items, from, to);
        assert_eq!(f[0], ("<1h".to_owned(), 1));
        assert_eq!(f[1], ("1-4h".to_owned(), 0));
        assert_eq!(f[2], ("4-24h".to_owned(), 1));
        assert_eq!(f[5], (">7d".to_owned(), 1));
        assert_eq!(f[6], (NO_REPLY.to_owned(), 1));
    }
}
