//! Hardware compatibility: top failing devices, "has this hardware worked on version X?",
//! the reports mentioning a device, and the CSV/JSON export for the documentation.

use hushdesk_api::wb::{DeviceReportList, WorkedResponse};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::ApiError;
use crate::api_wb;
use crate::components::error_note::ErrorNote;

#[component]
pub fn HardwarePage() -> impl IntoView {
    let failing = LocalResource::new(move || async move { api_wb::top_failing().await });
    let kind = RwSignal::new("pci".to_owned());
    let key = RwSignal::new(String::new());
    let version = RwSignal::new(String::new());
    let worked = RwSignal::new(None::<WorkedResponse>);
    let reports = RwSignal::new(None::<DeviceReportList>);
    let error = RwSignal::new(None::<ApiError>);
    let ask = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        let (k, d, v) = (
            kind.get_untracked(),
            key.get_untracked(),
            version.get_untracked(),
        );
        spawn_local(async move {
            if v.trim().is_empty() {
                worked.set(None);
            } else {
                match api_wb::worked(&k, &d, &v).await {
                    Ok(w) => worked.set(Some(w)),
                    Err(e) => return error.set(Some(e)),
                }
            }
            match api_wb::device_reports(&k, &d).await {
                Ok(r) => reports.set(Some(r)),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <section class="page" aria-labelledby="hw-title">
            <h2 id="hw-title">"Hardware"</h2>
            <p class="row">
                "Export for the known-issues documentation: "
                <a id="hw-export-csv" href=api_wb::export_url("csv") download="hardware.csv">"CSV"</a>
                " · "
                <a id="hw-export-json" href=api_wb::export_url("json") download="hardware.json">"JSON"</a>
            </p>
            <form class="card row" id="hw-ask" on:submit=ask aria-label="Look up a device">
                <label for="hw-kind">"Kind"</label>
                <select id="hw-kind" on:change=move |ev| kind.set(event_target_value(&ev))>
                    <option value="pci" selected=true>"PCI (vendor:device)"</option>
                    <option value="usb">"USB (vendor:product)"</option>
                    <option value="model">"Laptop model"</option>
                </select>
                <label for="hw-key">"Device"</label>
                <input id="hw-key" required placeholder="8086:9a49" bind:value=key />
                <label for="hw-version">"Tails version"</label>
                <input id="hw-version" size="6" placeholder="6.9" bind:value=version />
                <button type="submit" class="primary" id="hw-go">"Look up"</button>
            </form>
            {move || error.get().map(|e| view! { <ErrorNote error=e /> })}
            {move || worked.get().map(|w| {
                let answer = match w.worked {
                    Some(true) if w.outcome.as_deref() == Some("partial") => "Yes, with a workaround",
                    Some(true) => "Yes",
                    Some(false) => "No",
                    None => "No evidence",
                };
                view! {
                    <p id="hw-worked" role="status">
                        <strong>{format!("Has {} {} worked on Tails {}? {answer}.", w.kind, w.key, w.version)}</strong>
                        {format!(" (works {}, fails {}, partial {})", w.works, w.fails, w.partial)}
                    </p>
                }
            })}
            {move || reports.get().map(|r| view! {
                <h3>{format!("Reports mentioning {} {}", r.kind, r.key)}</h3>
                {if r.items.is_empty() {
                    view! { <p class="empty">"No report mentions this device."</p> }.into_any()
                } else {
                    view! {
                        <ul id="hw-reports">
                            {r.items.into_iter().map(|d| view! {
                                <li>
                                    <a href=format!("/ticket/{}", d.ticket)>{format!("#{}", d.ticket)}</a>
                                    {format!(" Tails {} — {} ({})", d.tails_version.unwrap_or_default(), d.name, d.role)}
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            })}
            <h3 id="hw-failing-title">"Top failing devices"</h3>
            {move || match failing.get() {
                None => view! { <p class="muted" role="status">"Loading…"</p> }.into_any(),
                Some(Err(e)) => view! { <ErrorNote error=e /> }.into_any(),
                Some(Ok(f)) if f.items.is_empty() => view! { <p class="empty">"No failing devices known yet."</p> }.into_any(),
                Some(Ok(f)) => view! {
                    <table class="plain" id="hw-failing" aria-labelledby="hw-failing-title">
                        <thead><tr>
                            <th scope="col">"Rank"</th><th scope="col">"Device"</th><th scope="col">"Name"</th>
                            <th scope="col">"Role"</th><th scope="col">"Fails"</th><th scope="col">"Partial"</th>
                            <th scope="col">"Works"</th><th scope="col">"Failing on"</th>
                        </tr></thead>
                        <tbody>
                            {f.items.into_iter().map(|d| view! {
                                <tr data-device=d.key.clone()>
                                    <td>{d.rank}</td>
                                    <td><code>{format!("{} {}", d.kind, d.key)}</code></td>
                                    <td>{d.name}</td>
                                    <td>{d.role}</td>
                                    <td>{d.fails}</td>
                                    <td>{d.partial}</td>
                                    <td>{d.works}</td>
                                    <td>{d.versions.join(", ")}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any(),
            }}
        </section>
    }
}
