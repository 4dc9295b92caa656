//! Known issues and hardware outcomes: statuses, device roles, and the rule that turns a report
//! linked to a known issue into per-device outcomes. No SQL here.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::error::{DomainError, DomainResult};

pub const STATUSES: &[&str] = &["open", "fixed", "wontfix"];
pub const ROLES: &[&str] = &["machine", "gpu", "wifi", "usb_stick"];
pub const KINDS: &[&str] = &["model", "pci", "usb"];
pub const OUTCOMES: &[&str] = &["works", "fails", "partial"];
pub const MAX_TITLE: usize = 200;

pub fn status(s: &str) -> DomainResult<String> {
    let s = s.trim().to_ascii_lowercase();
    if STATUSES.contains(&s.as_str()) {
        Ok(s)
    } else {
        Err(DomainError::Invalid(format!(
            "Invalid status '{s}': expected open, fixed or wontfix"
        )))
    }
}

pub fn title(s: &str) -> DomainResult<String> {
    let t = s.trim();
    if t.is_empty() {
        return Err(DomainError::Invalid("A known issue needs a title".into()));
    }
    if t.chars().count() > MAX_TITLE {
        return Err(DomainError::Invalid(format!(
            "Title longer than {MAX_TITLE} characters"
        )));
    }
    Ok(t.to_owned())
}

/// A Tails version such as `6.9`, `5.15.1` or `6.0~rc1`.
pub fn version(s: &str) -> DomainResult<String> {
    let v = s.trim();
    let ok = !v.is_empty()
        && v.len() <= 32
        && v.as_bytes()[0].is_ascii_digit()
        && v.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'~' | b'+' | b'-'));
    if ok {
        Ok(v.to_owned())
    } else {
        Err(DomainError::Invalid(format!(
            "Invalid Tails version '{v}' (expected e.g. 6.9)"
        )))
    }
}

pub fn versions(list: &[String]) -> DomainResult<Vec<String>> {
    let mut out: Vec<String> = list.iter().map(|v| version(v)).collect::<Result<_, _>>()?;
    out.sort_by(|a, b| compare_versions(a, b));
    out.dedup();
    Ok(out)
}

pub fn roles(list: &[String]) -> DomainResult<Vec<String>> {
    let mut out = Vec::new();
    for r in list {
        let r = r.trim().to_ascii_lowercase();
        if !ROLES.contains(&r.as_str()) {
            return Err(DomainError::Invalid(format!(
                "Invalid hardware role '{r}': expected machine, gpu, wifi or usb_stick"
            )));
        }
        if !out.contains(&r) {
            out.push(r);
        }
    }
    Ok(out)
}

pub fn kind(s: &str) -> DomainResult<String> {
    let k = s.trim().to_ascii_lowercase();
    if KINDS.contains(&k.as_str()) {
        Ok(k)
    } else {
        Err(DomainError::Invalid(format!(
            "Invalid device kind '{k}': expected model, pci or usb"
        )))
    }
}

/// A device key: a laptop model key as stored, or `vvvv:dddd` (lower-case hex) for PCI/USB.
pub fn device_key(kind: &str, key: &str) -> DomainResult<String> {
    let key = key.trim();
    if kind == "model" {
        if key.is_empty() || key.len() > 200 {
            return Err(DomainError::Invalid("Invalid laptop model key".into()));
        }
        return Ok(key.to_owned());
    }
    crate::whisperback::DeviceId::parse(key)
        .map(|id| id.to_string())
        .ok_or_else(|| {
            DomainError::Invalid(format!(
                "Invalid {kind} id '{key}' (expected vendor:device in hex, e.g. 8086:3ea0)"
            ))
        })
}

pub fn outcome(s: &str) -> DomainResult<Outcome> {
    match s.trim().to_ascii_lowercase().as_str() {
        "works" => Ok(Outcome::Works),
        "fails" => Ok(Outcome::Fails),
        "partial" => Ok(Outcome::Partial),
        other => Err(DomainError::Invalid(format!(
            "Invalid outcome '{other}': expected works, fails or partial"
        ))),
    }
}

/// Orders Tails versions numerically (`5.9` < `5.15` < `6.0~rc1` ≤ `6.0`).
pub fn compare_versions(a: &str, b: &str) -> Ordering {
    fn split(v: &str) -> (Vec<u32>, bool) {
        let main = v.split(['~', '+', '-']).next().unwrap_or("");
        let nums = main.split('.').map_while(|p| p.parse().ok()).collect();
        (nums, v.contains('~'))
    }
    let (na, pa) = split(a);
    let (nb, pb) = split(b);
    na.cmp(&nb).then_with(|| pb.cmp(&pa)).then_with(|| a.cmp(b))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Outcome {
    Works,
    Fails,
    Partial,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Works => "works",
            Outcome::Fails => "fails",
            Outcome::Partial => "partial",
        }
    }
}

/// What one report linked to one known issue says about one of its devices.
///
/// A report can only be sent from a session that reached the desktop
/// (whisperback-format.md §2, graphics), so:
/// - devices in a role the issue is about fail on the report's version — or work *partially*
///   when the user had added boot options (the documented workarounds are added before
///   sending from the session that finally worked);
/// - the report's other devices worked on that version.
pub fn report_outcome(device_role: &str, issue_roles: &[&str], workaround: bool) -> Outcome {
    if issue_roles.contains(&device_role) {
        if workaround {
            Outcome::Partial
        } else {
            Outcome::Fails
        }
    } else {
        Outcome::Works
    }
}

/// Tallies of one device on one version.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    pub works: i64,
    pub fails: i64,
    pub partial: i64,
    /// Latest supporter mark (by time, then id).
    pub marked: Option<(chrono::NaiveDateTime, i64, Outcome)>,
}

impl Tally {
    pub fn add(&mut self, o: Outcome) {
        self.add_count(o, 1);
    }

    /// `n` reports with the same outcome (kept counts of purged reports).
    pub fn add_count(&mut self, o: Outcome, n: i64) {
        match o {
            Outcome::Works => self.works += n,
            Outcome::Fails => self.fails += n,
            Outcome::Partial => self.partial += n,
        }
    }

    pub fn mark(&mut self, at: chrono::NaiveDateTime, id: i64, o: Outcome) {
        self.add(o);
        if self.marked.is_none_or(|(t, i, _)| (at, id) > (t, i)) {
            self.marked = Some((at, id, o));
        }
    }

    /// A supporter's latest mark decides; otherwise the evidence: only failures → fails, only
    /// successes → works, anything mixed (or workarounds) → partial.
    pub fn verdict(&self) -> Option<Outcome> {
        if let Some((_, _, o)) = self.marked {
            return Some(o);
        }
        match (self.works > 0, self.fails > 0, self.partial > 0) {
            (false, false, false) => None,
            (true, false, false) => Some(Outcome::Works),
            (false, true, false) => Some(Outcome::Fails),
            _ => Some(Outcome::Partial),
        }
    }
}

/// One device's identity.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DeviceIdent {
    pub kind: String,
    pub key: String,
}

/// Outcomes of many devices, by device then version.
#[derive(Debug, Default)]
pub struct OutcomeTable {
    pub devices: BTreeMap<DeviceIdent, DeviceEntry>,
}

#[derive(Debug, Default)]
pub struct DeviceEntry {
    pub name: String,
    pub roles: BTreeSet<String>,
    pub versions: HashMap<String, Tally>,
}

impl OutcomeTable {
    pub fn entry(&mut self, kind: &str, key: &str) -> &mut DeviceEntry {
        self.devices
            .entry(DeviceIdent {
                kind: kind.to_owned(),
                key: key.to_owned(),
            })
            .or_default()
    }

    /// Versions of one device, newest first.
    pub fn sorted_versions(entry: &DeviceEntry) -> Vec<(&String, &Tally)> {
        let mut v: Vec<_> = entry.versions.iter().collect();
        v.sort_by(|a, b| compare_versions(b.0, a.0));
        v
    }
}

/// Counts behind one known issue in a top-bugs ranking.
#[derive(Debug, Default, Clone)]
pub struct IssueCount {
    pub tickets: BTreeSet<i64>,
    /// Keyed pseudonyms of the requestors ([`crate::store::known_issues::requestor_token`]):
    /// the same for a live ticket's watcher and for one frozen by a purge.
    pub requestors: BTreeSet<String>,
}

/// Ranks issues by tickets, then distinct requestors, then id (oldest first).
pub fn rank(counts: HashMap<i64, IssueCount>) -> Vec<(i64, IssueCount)> {
    let mut v: Vec<_> = counts.into_iter().collect();
    v.sort_by(|(ia, a), (ib, b)| {
        b.tickets
            .len()
            .cmp(&a.tickets.len())
            .then_with(|| b.requestors.len().cmp(&a.requestors.len()))
            .then_with(|| ia.cmp(ib))
    });
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_order_numerically() {
        let mut v = vec!["6.0", "5.15.1", "5.9", "6.0~rc1", "6.10", "5.15"];
        v.sort_by(|a, b| compare_versions(a, b));
        assert_eq!(v, ["5.9", "5.15", "5.15.1", "6.0~rc1", "6.0", "6.10"]);
    }

    #[test]
    fn linked_report_fails_affected_roles_only() {
        assert_eq!(report_outcome("gpu", &["gpu"], false), Outcome::Fails);
        assert_eq!(report_outcome("gpu", &["gpu"], true), Outcome::Partial);
        assert_eq!(report_outcome("wifi", &["gpu"], false), Outcome::Works);
        assert_eq!(report_outcome("machine", &[], false), Outcome::Works);
    }

    #[test]
    fn marks_override_evidence() {
        let t0 = chrono::NaiveDate::from_ymd_opt(2026, 1, 1)
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .unwrap_or_default();
        let mut t = Tally::default();
        t.add(Outcome::Fails);
        assert_eq!(t.verdict(), Some(Outcome::Fails));
        t.add(Outcome::Works);
        assert_eq!(t.verdict(), Some(Outcome::Partial));
        t.mark(t0, 2, Outcome::Works);
        t.mark(t0, 1, Outcome::Fails);
        assert_eq!(t.verdict(), Some(Outcome::Works));
        assert_eq!((t.works, t.fails), (2, 2));
    }

    #[test]
    fn bad_values_are_refused() {
        assert!(status("closed").is_err());
        assert!(version("six").is_err());
        assert!(device_key("pci", "8086-3ea0").is_err());
        assert_eq!(
            device_key("usb", "0781:5591").ok().as_deref(),
            Some("0781:5591")
        );
        assert!(roles(&["keyboard".into()]).is_err());
    }
}
