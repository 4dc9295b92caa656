//! WhisperBack reports: ingest a decrypted report, show a ticket's report facts.

pub mod ingest_report;
pub mod show_report;

use hushdesk_api::wb::{BugSpecificInfo, OpenPgpKeyInfo, ReportDevice, WhisperbackReportResponse};

use crate::domain::dates;
use crate::store::whisperback::{DeviceRow, ReportRow};

pub fn report_response(r: ReportRow, devices: Vec<DeviceRow>) -> WhisperbackReportResponse {
    let bug =
        (r.bug_app.is_some() || r.bug_summary.is_some() || r.bug_details.is_some()).then(|| {
            BugSpecificInfo {
                app: r.bug_app.clone(),
                summary: r.bug_summary.clone(),
                details: r.bug_details.clone(),
            }
        });
    let key = match (r.openpgp_key_kind, r.openpgp_key_value) {
        (Some(kind), Some(value)) => Some(OpenPgpKeyInfo {
            kind,
            value,
            key_block: r.openpgp_key_block,
        }),
        _ => None,
    };
    WhisperbackReportResponse {
        id: r.id,
        ticket: r.ticket_id,
        report_id: r.report_id,
        tails_version: r.tails_version,
        body_format: r.body_format,
        debugging_info_era: r.debugging_info_era,
        language: r.language,
        contact_email: r.contact_email,
        openpgp_key: key,
        bug_specific: bug,
        machine_key: r.machine_key,
        devices: devices
            .into_iter()
            .map(|d| ReportDevice {
                kind: d.kind,
                key: d.device_key,
                role: d.role,
                name: d.name,
                driver: d.driver,
            })
            .collect(),
        boot_added: r.boot_added.split_whitespace().map(str::to_owned).collect(),
        size_bytes: r.size_bytes,
        created: dates::rest2(Some(r.created)),
        facts: serde_json::from_str(&r.facts).unwrap_or_default(),
    }
}
