//! A list of tickets; rows are links so j/k (focus) and Enter (open) work everywhere.

use hushdesk_api::app::TicketSummary;
use leptos::prelude::*;

use crate::format;

#[component]
pub fn TicketTable(items: Vec<TicketSummary>, #[prop(optional)] show_age: bool) -> impl IntoView {
    if items.is_empty() {
        return view! { <p class="empty">"No tickets here."</p> }.into_any();
    }
    view! {
        <table class="tickets">
            <thead>
                <tr>
                    <th scope="col">"#"</th>
                    <th scope="col">"Subject"</th>
                    <th scope="col">"Queue"</th>
                    <th scope="col">"Status"</th>
                    <th scope="col">"Owner"</th>
                    <th scope="col">"Requestor"</th>
                    <th scope="col">{if show_age { "Waiting" } else { "Updated" }}</th>
                </tr>
            </thead>
            <tbody>
                {items
                    .into_iter()
                    .map(|t| {
                        let href = format!("/ticket/{}", t.id);
                        let when = if show_age {
                            t.age_seconds.map(format::age).unwrap_or_default()
                        } else {
                            format::time(&t.last_updated)
                        };
                        let owner = t
                            .owner
                            .map(|o| o.name)
                            .unwrap_or_else(|| "nobody".into());
                        let requestor = t
                            .requestor
                            .map(|r| if r.real_name.is_empty() { r.name } else { r.real_name })
                            .unwrap_or_default();
                        view! {
                            <tr data-row data-ticket=t.id class:waiting=t.needs_answer>
                                <td class="id">{t.id}</td>
                                <td class="subj">
                                    <a class="row-link" href=href>
                                        {if t.subject.is_empty() { "(no subject)".to_owned() } else { t.subject }}
                                    </a>
                                </td>
                                <td>{t.queue} " " <span class="lang">{t.language}</span></td>
                                <td><span class=format!("status s-{}", t.status)>{t.status.clone()}</span></td>
                                <td>{owner}</td>
                                <td>
                                    {requestor}
                                    {t.abuse_flag.then(|| view! {
                                        " " <span class="badge abuse" title="This requestor is flagged for abuse">"flagged"</span>
                                    })}
                                </td>
                                <td class="age">{when}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}
