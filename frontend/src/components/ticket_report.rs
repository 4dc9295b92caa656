//! On the ticket page: the WhisperBack report the ticket holds, if any — Tails version, the
//! user's language, the machine, its devices and the boot options they tried.

use hushdesk_api::wb::WhisperbackReportResponse;
use leptos::prelude::*;

use crate::api::ApiError;
use crate::api_wb;
use crate::components::error_note::ErrorNote;

/// `role` of a device in words.
pub fn role_label(role: &str) -> &'static str {
    match role {
        "machine" => "Computer",
        "gpu" => "Graphics",
        "wifi" => "Wi-Fi",
        "usb_stick" => "USB stick",
        _ => "Device",
    }
}

fn facts(r: WhisperbackReportResponse) -> impl IntoView {
    let dash = |v: Option<String>| v.filter(|s| !s.is_empty()).unwrap_or_else(|| "—".into());
    let boot = if r.boot_added.is_empty() {
        "none".to_owned()
    } else {
        r.boot_added.join(" ")
    };
    view! {
        <dl class="kv" id="wb-facts">
            <dt>"Report"</dt><dd>{dash(r.report_id)}</dd>
            <dt>"Tails"</dt><dd class="wb-version">{dash(r.tails_version)}</dd>
            <dt>"Language"</dt><dd>{dash(r.language)}</dd>
            <dt>"Contact"</dt><dd>{dash(r.contact_email)}</dd>
            <dt>"Boot options added"</dt><dd>{boot}</dd>
            {r.devices.into_iter().map(|d| {
                let driver = d.driver.map(|x| format!(" ({x})")).unwrap_or_default();
                view! {
                    <dt>{role_label(&d.role)}</dt>
                    <dd class="wb-device" data-role=d.role.clone()>
                        {d.name} " " <span class="muted">{d.key}{driver}</span>
                    </dd>
                }
            }).collect_view()}
        </dl>
    }
}

#[component]
pub fn TicketReport(ticket: i64) -> impl IntoView {
    let report = LocalResource::new(move || async move { api_wb::ticket_report(ticket).await });
    move || match report.get() {
        // Most tickets hold no report: then nothing is shown.
        None | Some(Err(ApiError::NotFound(_))) => ().into_any(),
        Some(Err(e)) => view! { <ErrorNote error=e /> }.into_any(),
        Some(Ok(r)) => view! {
            <section class="card ticket-report" aria-labelledby="wb-title">
                <h3 id="wb-title">"WhisperBack report"</h3>
                {facts(r)}
            </section>
        }
        .into_any(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn device_roles_read_as_words() {
        assert_eq!(role_label("gpu"), "Graphics");
        assert_eq!(role_label("usb_stick"), "USB stick");
        assert_eq!(role_label("other"), "Device");
    }
}
