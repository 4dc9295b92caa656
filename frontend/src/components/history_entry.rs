//! One history entry: a message (text, or server-sanitized HTML) with its attachments and
//! OpenPGP badge, or a one-line change.

use hushdesk_api::app::HistoryEntry;
use leptos::prelude::*;

use crate::components::pgp_badge::PgpBadge;
use crate::format;

/// Transaction types that carry a message.
pub fn is_message(kind: &str) -> bool {
    matches!(
        kind,
        "Create" | "Correspond" | "Comment" | "EmailRecord" | "CommentEmailRecord"
    )
}

/// Heading word for the entry type.
pub fn label(kind: &str) -> &str {
    match kind {
        "Create" => "Ticket created",
        "Correspond" => "Reply",
        "Comment" => "Comment",
        "EmailRecord" => "Mail sent",
        "CommentEmailRecord" => "Comment mail sent",
        "Status" => "Status",
        "Set" | "SetWatcher" => "Changed",
        "Give" | "Take" | "Steal" | "Untake" | "Force" => "Owner",
        "AddLink" | "DeleteLink" => "Link",
        "AddWatcher" | "DelWatcher" => "Watchers",
        "CustomField" => "Custom field",
        "Merge" | "AddMember" => "Merge",
        other => other,
    }
}

#[component]
pub fn HistoryItem(entry: HistoryEntry) -> impl IntoView {
    let who = if entry.creator.real_name.is_empty() {
        entry.creator.name.clone()
    } else {
        entry.creator.real_name.clone()
    };
    let when = format::time(&entry.created);
    if !is_message(&entry.kind) {
        return view! {
            <li class="hist change" data-type=entry.kind.clone() data-txn=entry.id>
                <span class="when">{when}</span>
                " " <span class="who">{who}</span> ": "
                <span class="desc">{entry.description}</span>
            </li>
        }
        .into_any();
    }
    let class = format!("hist msg t-{}", entry.kind.to_ascii_lowercase());
    let heading = label(&entry.kind).to_owned();
    let body = match (entry.html, entry.text) {
        // Sanitized by the server (ammonia); never raw mail HTML.
        (Some(html), _) => view! { <div class="body html" inner_html=html></div> }.into_any(),
        (None, Some(text)) => view! { <pre class="body text">{text}</pre> }.into_any(),
        (None, None) => view! { <p class="body muted">"(no text)"</p> }.into_any(),
    };
    let files = entry.attachments;
    let aria = format!("{heading} by {who}");
    view! {
        <li class=class data-type=entry.kind.clone() data-txn=entry.id>
            <article aria-label=aria>
                <header class="msg-head">
                    <strong>{heading}</strong>
                    " " <span class="who">{who}</span>
                    " " <time class="when" datetime=entry.created.clone()>{when}</time>
                    " " <PgpBadge status=entry.openpgp />
                </header>
                {body}
                {(!files.is_empty()).then(|| view! {
                    <ul class="files" aria-label="Attachments">
                        {files.into_iter().map(|f| view! {
                            <li>
                                <a href=f.download_url download=f.filename.clone()>{f.filename.clone()}</a>
                                " " <span class="muted">{f.content_type} ", " {format::size(f.size)}</span>
                            </li>
                        }).collect_view()}
                    </ul>
                })}
            </article>
        </li>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_and_changes_are_told_apart() {
        assert!(is_message("Correspond"));
        assert!(is_message("EmailRecord"));
        assert!(!is_message("Status"));
        assert_eq!(label("Correspond"), "Reply");
        assert_eq!(label("EmailRecord"), "Mail sent");
        assert_eq!(label("Frobnicate"), "Frobnicate");
    }
}
