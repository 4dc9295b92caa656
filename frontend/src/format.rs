//! Display helpers: ages, times and sizes as supporters read them.

/// "45 s", "12 min", "3 h 20 min", "4 d 2 h".
pub fn age(seconds: i64) -> String {
    let s = seconds.max(0);
    let (d, h, m) = (s / 86_400, (s % 86_400) / 3_600, (s % 3_600) / 60);
    if d > 0 {
        if h > 0 {
            format!("{d} d {h} h")
        } else {
            format!("{d} d")
        }
    } else if h > 0 {
        if m > 0 {
            format!("{h} h {m} min")
        } else {
            format!("{h} h")
        }
    } else if m > 0 {
        format!("{m} min")
    } else {
        format!("{s} s")
    }
}

/// `2026-11-24T18:05:09Z` → `2026-11-24 18:05` (times stay in UTC, labelled so).
pub fn time(rfc3339: &str) -> String {
    let t = rfc3339.trim();
    if t.len() >= 16
        && t.as_bytes()
            .get(10)
            .is_some_and(|b| *b == b'T' || *b == b' ')
    {
        format!("{} {}", &t[..10], &t[11..16])
    } else {
        t.to_owned()
    }
}

/// "512 B", "3.4 KB", "1.2 MB".
pub fn size(bytes: i64) -> String {
    let b = bytes.max(0) as f64;
    if b < 1024.0 {
        format!("{bytes} B")
    } else if b < 1024.0 * 1024.0 {
        format!("{:.1} KB", b / 1024.0)
    } else {
        format!("{:.1} MB", b / (1024.0 * 1024.0))
    }
}

/// "1 ticket", "3 tickets".
pub fn count(n: i64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_read_naturally() {
        assert_eq!(age(0), "0 s");
        assert_eq!(age(59), "59 s");
        assert_eq!(age(12 * 60 + 5), "12 min");
        assert_eq!(age(3 * 3600), "3 h");
        assert_eq!(age(3 * 3600 + 20 * 60), "3 h 20 min");
        assert_eq!(age(4 * 86_400 + 2 * 3600 + 59), "4 d 2 h");
        assert_eq!(age(-5), "0 s");
    }

    #[test]
    fn times_drop_seconds() {
        assert_eq!(time("2026-11-24T18:05:09Z"), "2026-11-24 18:05");
        assert_eq!(time("2026-11-24 18:05:09"), "2026-11-24 18:05");
        assert_eq!(time("Not set"), "Not set");
    }

    #[test]
    fn sizes_and_counts() {
        assert_eq!(size(512), "512 B");
        assert_eq!(size(3482), "3.4 KB");
        assert_eq!(size(5 * 1024 * 1024 / 2), "2.5 MB");
        assert_eq!(count(1, "ticket", "tickets"), "1 ticket");
        assert_eq!(count(0, "ticket", "tickets"), "0 tickets");
    }
}
