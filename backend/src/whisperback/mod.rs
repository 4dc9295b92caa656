//! WhisperBack report parser: turns a decrypted report body into typed facts (Tails version,
//! contact, the user's text and its language, hardware) for tickets and hardware statistics.
//!
//! The format and what the sanitizer damages are described in shared/docs/whisperback-format.md.
//! [`parse`] never fails: what is missing stays `None`/empty and `warnings` says why.

mod boot;
pub mod compat;
mod decode;
mod hardware;
mod header;
pub mod ingest;
mod journal;
pub(crate) mod language;
mod pci;
mod sections;
mod usb;
mod version;

#[cfg(test)]
mod accuracy_tests;
#[cfg(test)]
mod tests;

use std::fmt;

use serde::{Deserialize, Serialize};

pub use hardware::{
    DeviceId, FirmwareStatus, Gpu, Hardware, Machine, UsbStick, WifiAdapter, WifiBus,
};
pub use ingest::{ingest, ingest_parsed, Ingested};
pub use version::{BodyFormat, DebuggingInfoEra};

/// Everything extracted from one report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// The hex id from the mail subject `Bug report: <hex>`; only known when the input still
    /// carries the mail or MIME headers (the decrypted body itself does not contain it).
    pub report_id: Option<ReportId>,
    /// The summary the user typed (the body's own `Subject:` line).
    pub summary: Option<String>,
    pub contact_email: Option<String>,
    pub openpgp_key: Option<OpenPgpKey>,
    pub tails: TailsInfo,
    /// Filled in when another Tails component opened WhisperBack (5.20+).
    pub bug_specific: Option<BugSpecific>,
    pub user_text: UserText,
    pub hardware: Hardware,
    pub boot: BootOptions,
    /// Keys of the debugging-info sections present, in report order.
    pub sections: Vec<String>,
    pub warnings: Vec<Warning>,
}

/// WhisperBack report id (lower-case hex, not zero-padded, at most 32 digits).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ReportId(String);

impl ReportId {
    /// Accepts `Bug report: <hex>` or a bare id.
    pub fn from_subject(subject: &str) -> Option<Self> {
        let s = subject.trim();
        let s = s.strip_prefix("Bug report:").unwrap_or(s).trim();
        let ok = !s.is_empty() && s.len() <= 32 && s.bytes().all(|b| b.is_ascii_hexdigit());
        ok.then(|| Self(s.to_ascii_lowercase()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ReportId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// `OpenPGP-Key:` as given by the user, and the pasted key block when it says "included below".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OpenPgpKey {
    pub kind: OpenPgpKeyKind,
    /// The header value as typed (a key id, fingerprint, URL, or "included below").
    pub value: String,
    /// The armored `PUBLIC KEY BLOCK` appended to the report.
    pub key_block: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OpenPgpKeyKind {
    KeyId,
    Fingerprint,
    Url,
    Block,
    Other,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TailsInfo {
    /// The running Tails version, e.g. "6.9".
    pub version: Option<String>,
    pub version_source: Option<VersionSource>,
    /// ≤ 5.22: the build date after the version (YYYYMMDD).
    pub build_date: Option<String>,
    pub git_commit: Option<String>,
    /// `TAILS_CHANNEL` (e.g. "alpha" for release candidates).
    pub channel: Option<String>,
    /// The version first installed on the stick (from the squashfs os-release section).
    pub initially_installed_version: Option<String>,
    pub body_format: Option<BodyFormat>,
    pub debugging_info_era: Option<DebuggingInfoEra>,
    /// Kernel release from the journal's `Linux version` line.
    pub kernel: Option<String>,
}

/// Where [`TailsInfo::version`] came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VersionSource {
    /// The `Tails-Version:` header.
    Header,
    /// The last upgrade listed in `Tails.module` (header unticked).
    UpgradeModule,
    /// The installed squashfs's os-release (header unticked, no upgrade).
    InstalledSquashfs,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BugSpecific {
    pub app: Option<String>,
    pub summary: Option<String>,
    pub details: Option<String>,
}

/// What the user typed below the headers.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UserText {
    /// The whole text block (headings included), line ends normalised to `\n`.
    pub text: String,
    /// The text split at the underlined headings (the 5.20+ questions or the older template).
    pub answers: Vec<Answer>,
    /// ISO 639-1 code of the language the user wrote in (headings excluded).
    pub language: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    pub heading: Option<String>,
    pub text: String,
}

/// Boot options and Welcome Screen settings.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BootOptions {
    /// `/proc/cmdline` as reported.
    pub cmdline: Option<String>,
    /// Options that are not part of Tails' own boot entries: what the user added.
    pub added: Vec<String>,
    /// Booted with the Troubleshooting Mode entry.
    pub troubleshooting_mode: Option<bool>,
    /// `live-media=removable` present (users remove it for sticks that claim to be fixed disks).
    pub live_media_removable: Option<bool>,
    pub nomodeset: Option<bool>,
    /// Persistent Storage was unlocked (its `persistence.conf` is present).
    pub persistence_unlocked: Option<bool>,
    pub mac_spoofing: Option<bool>,
}

/// What was damaged or missing; never contains report content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Warning {
    /// The report ends early; the named section is incomplete.
    Truncated {
        section: Option<String>,
        inside_utf8: bool,
    },
    /// Bytes that are not UTF-8 were read as Windows-1252.
    NonUtf8 {
        bytes: usize,
    },
    CrlfLineEnds,
    /// The `Tails-Version:` header is missing (the user unticked "Headers").
    NoTailsVersionHeader,
    /// No debugging information (the user unticked it).
    NoDebuggingInfo,
    /// The dmidecode sections are empty.
    EmptyDmi,
    /// Several USB mass-storage devices and nothing says which one Tails booted from.
    AmbiguousBootStick {
        candidates: usize,
    },
    /// The input is still an encrypted message.
    Encrypted,
    /// A mail or MIME wrapper this parser does not unwrap.
    UnsupportedEnvelope {
        content_type: String,
    },
    /// Unknown `Content-Transfer-Encoding`, or a body that does not decode.
    UndecodableTransferEncoding {
        encoding: String,
    },
}

/// Parses a decrypted WhisperBack report body (or its inner MIME entity, or a mail carrying
/// one in clear). Linear in the input size.
pub fn parse(body: &[u8]) -> Report {
    let mut warnings = Vec::new();
    let envelope = decode::unwrap_envelope(body, &mut warnings);
    let encrypted = warnings.contains(&Warning::Encrypted);
    let decoded = decode::decode_text(&envelope.body);
    if decoded.crlf {
        warnings.push(Warning::CrlfLineEnds);
    }
    if decoded.replaced_bytes > 0 {
        warnings.push(Warning::NonUtf8 {
            bytes: decoded.replaced_bytes,
        });
    }
    let lines: Vec<&str> = decoded.text.split('\n').collect();
    let index = sections::SectionIndex::build(&lines);
    let head = header::parse_header(&lines[..index.first_line().unwrap_or(lines.len())]);

    let truncated = index.is_truncated(&decoded) || decoded.cut_inside_utf8;
    if truncated {
        warnings.push(Warning::Truncated {
            section: index.last().map(|s| s.key.to_string()),
            inside_utf8: decoded.cut_inside_utf8,
        });
    }
    if index.is_empty() && !encrypted {
        warnings.push(Warning::NoDebuggingInfo);
    }

    let journal = index
        .find("journalctl")
        .map(|s| journal::scan(index.lines(s)))
        .unwrap_or_default();
    let hardware = hardware::extract(&index, &journal, &mut warnings);
    let boot = boot::extract(&index, &journal);
    let mut tails = version::extract(&head, &index);
    tails.kernel = journal.kernel.clone();
    if head.tails_version.is_none() && !encrypted && !head.is_empty_report() {
        warnings.push(Warning::NoTailsVersionHeader);
    }
    let language = language::detect(head.summary.as_deref(), &head.answers);

    Report {
        report_id: envelope.report_id,
        summary: head.summary,
        contact_email: head.contact_email,
        openpgp_key: head.openpgp_key,
        tails,
        bug_specific: head.bug_specific,
        user_text: UserText {
            text: head.text,
            answers: head.answers,
            language,
        },
        hardware,
        boot,
        sections: index.keys().map(str::to_string).collect(),
        warnings,
    }
}
