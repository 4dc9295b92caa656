//! Hardware compatibility: device outcomes per Tails version, the reports mentioning a
//! device, top failing devices, supporters' marks and the CSV/JSON export.

pub mod device;
pub mod export;
pub mod mark;
pub mod reports;
pub mod top_failing;
pub mod worked;

use hushdesk_api::wb::DeviceQuery;

use crate::api::error::ApiResult;
use crate::domain::known_issues as rules;

/// Validated `(kind, key)` of a device query.
pub fn ident(q: &DeviceQuery) -> ApiResult<(String, String)> {
    let kind = rules::kind(&q.kind)?;
    let key = rules::device_key(&kind, &q.key)?;
    Ok((kind, key))
}
