//! Tails version, and the report format era it implies.

use serde::{Deserialize, Serialize};

use super::header::{is_os_release_line, is_version, os_release_value, Head};
use super::sections::SectionIndex;
use super::{TailsInfo, VersionSource};

/// How WhisperBack laid out the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum BodyFormat {
    /// `/etc/amnesia/version` prepended, one free-text box with a translated template.
    #[serde(rename = "5.0-5.19")]
    Template,
    /// `/etc/amnesia/version` prepended, three English questions, bug-specific fields.
    #[serde(rename = "5.20-5.22")]
    Questions,
    /// `/etc/os-release` prepended, three English questions, bug-specific fields.
    #[serde(rename = "6.x")]
    OsRelease,
}

/// Which `/etc/whisperback/debugging-info.json` produced the sections: named after the first
/// release that used it (e.g. `5.16` covers 5.16–5.19).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DebuggingInfoEra {
    #[serde(rename = "5.0")]
    V5_0,
    #[serde(rename = "5.7")]
    V5_7,
    #[serde(rename = "5.8")]
    V5_8,
    #[serde(rename = "5.9")]
    V5_9,
    #[serde(rename = "5.15")]
    V5_15,
    #[serde(rename = "5.15.1")]
    V5_15_1,
    #[serde(rename = "5.16")]
    V5_16,
    #[serde(rename = "5.20")]
    V5_20,
}

/// Numeric parts of a version ("6.0~rc1" → [6, 0]); suffixes sort with their release.
fn numbers(v: &str) -> Vec<u32> {
    v.split(['~', '+', '-'])
        .next()
        .unwrap_or("")
        .split('.')
        .map_while(|p| p.parse().ok())
        .collect()
}

fn at_least(v: &[u32], min: &[u32]) -> bool {
    v >= min
}

impl DebuggingInfoEra {
    pub fn for_version(v: &str) -> Option<Self> {
        let n = numbers(v);
        if n.first().copied() < Some(5) {
            return None;
        }
        let table: [(&[u32], Self); 8] = [
            (&[5, 20], Self::V5_20),
            (&[5, 16], Self::V5_16),
            (&[5, 15, 1], Self::V5_15_1),
            (&[5, 15], Self::V5_15),
            (&[5, 9], Self::V5_9),
            (&[5, 8], Self::V5_8),
            (&[5, 7], Self::V5_7),
            (&[5, 0], Self::V5_0),
        ];
        table
            .iter()
            .find(|(min, _)| at_least(&n, min))
            .map(|(_, e)| *e)
    }

    /// Recognises the section list itself (works when the version header was unticked).
    fn from_sections(index: &SectionIndex<'_>) -> Option<Self> {
        if index.is_empty() {
            return None;
        }
        let has = |k: &str| index.position(k).is_some();
        let era =
            if has("tails-block-device-info") || index.keys().any(|k| k == "/var/log/boot.log") {
                Self::V5_20
            } else if has("lsblk") {
                let tree = index.position("lsusb --verbose --tree");
                let losetup = index.position("losetup");
                if tree.is_some() && tree > losetup {
                    Self::V5_16
                } else if index.keys().any(|k| k.starts_with("/bin/lsblk")) {
                    Self::V5_15_1
                } else {
                    Self::V5_15
                }
            } else if has("tails-persistent-storage/profiles") {
                Self::V5_9
            } else if has("tails.persistence") || has("live-persist") {
                if has("fuse.portal") {
                    Self::V5_7
                } else {
                    Self::V5_0
                }
            } else {
                Self::V5_8
            };
        Some(era)
    }
}

impl BodyFormat {
    pub fn for_version(v: &str) -> Option<Self> {
        let n = numbers(v);
        match n.first()? {
            0..=4 => None,
            5 if !at_least(&n, &[5, 20]) => Some(Self::Template),
            5 => Some(Self::Questions),
            _ => Some(Self::OsRelease),
        }
    }
}

pub(crate) fn extract(head: &Head, index: &SectionIndex<'_>) -> TailsInfo {
    let mut info = TailsInfo::default();
    let installed = index
        .find("filesystem.squashfs/etc/os-release")
        .and_then(|s| {
            index
                .lines(s)
                .iter()
                .filter(|l| is_os_release_line(l))
                .find_map(|l| os_release_value(l, "VERSION"))
                .filter(|v| is_version(v))
        });
    info.initially_installed_version = installed.map(str::to_string);
    if let Some(vh) = &head.tails_version {
        info.version = vh.version.clone();
        info.version_source = vh.version.as_ref().map(|_| VersionSource::Header);
        info.build_date = vh.build_date.clone();
        info.git_commit = vh.git_commit.clone();
        info.channel = vh.channel.clone();
    }
    if info.version.is_none() {
        // Upgrades are stacked as extra squashfs files; the last one is the running version.
        let upgraded = index
            .find("Tails.module")
            .and_then(|s| index.lines(s).iter().rev().find_map(|l| upgrade_target(l)));
        if let Some(v) = upgraded {
            info.version = Some(v.to_string());
            info.version_source = Some(VersionSource::UpgradeModule);
        } else if index.find("Tails.module").is_some() {
            if let Some(v) = installed {
                info.version = Some(v.to_string());
                info.version_source = Some(VersionSource::InstalledSquashfs);
            }
        }
    }
    info.body_format = info
        .version
        .as_deref()
        .and_then(BodyFormat::for_version)
        .or_else(|| body_format_from_shape(head));
    info.debugging_info_era = match info.version_source {
        Some(VersionSource::Header) => info
            .version
            .as_deref()
            .and_then(DebuggingInfoEra::for_version),
        _ => None,
    }
    .or_else(|| DebuggingInfoEra::from_sections(index));
    info
}

/// `6.9.squashfs` or `Tails_amd64_6.8_to_6.9.squashfs` → `6.9`.
fn upgrade_target(line: &str) -> Option<&str> {
    let name = line.trim().strip_suffix(".squashfs")?;
    let v = name.rsplit("_to_").next().unwrap_or(name);
    is_version(v).then_some(v)
}

fn body_format_from_shape(head: &Head) -> Option<BodyFormat> {
    if head.tails_version.as_ref().is_some_and(|v| v.os_release) {
        return Some(BodyFormat::OsRelease);
    }
    let fixed_questions = head
        .answers
        .iter()
        .any(|a| a.heading.as_deref() == Some("What happened instead?"));
    if head.bug_specific.is_some() || fixed_questions {
        return None; // 5.20–5.22 or 6.x: the unticked header was what told them apart
    }
    head.answers
        .iter()
        .any(|a| a.heading.is_some())
        .then_some(BodyFormat::Template)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eras_follow_the_release_table() {
        assert_eq!(
            DebuggingInfoEra::for_version("5.0"),
            Some(DebuggingInfoEra::V5_0)
        );
        assert_eq!(
            DebuggingInfoEra::for_version("5.1.1"),
            Some(DebuggingInfoEra::V5_0)
        );
        assert_eq!(
            DebuggingInfoEra::for_version("5.15"),
            Some(DebuggingInfoEra::V5_15)
        );
        assert_eq!(
            DebuggingInfoEra::for_version("5.15.1"),
            Some(DebuggingInfoEra::V5_15_1)
        );
        assert_eq!(
            DebuggingInfoEra::for_version("5.19.1"),
            Some(DebuggingInfoEra::V5_16)
        );
        assert_eq!(
            DebuggingInfoEra::for_version("6.9"),
            Some(DebuggingInfoEra::V5_20)
        );
        assert_eq!(DebuggingInfoEra::for_version("4.29"), None);
        assert_eq!(BodyFormat::for_version("5.19"), Some(BodyFormat::Template));
        assert_eq!(BodyFormat::for_version("5.22"), Some(BodyFormat::Questions));
        assert_eq!(
            BodyFormat::for_version("6.0~rc1"),
            Some(BodyFormat::OsRelease)
        );
    }

    #[test]
    fn upgrade_file_names() {
        assert_eq!(upgrade_target("6.9.squashfs"), Some("6.9"));
        assert_eq!(
            upgrade_target("Tails_amd64_6.8_to_6.9.squashfs"),
            Some("6.9")
        );
        assert_eq!(upgrade_target("filesystem.squashfs"), None);
    }
}
