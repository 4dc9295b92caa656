//! The ticket page in one call: history with text and sanitized HTML, attachments,
//! requestors, links, merges, custom fields.

use base64::Engine;
use serde_json::json;

use crate::app_common::{requestor, ticket_from};
use crate::both;
use crate::helpers::TestApp;

both!(ticket_page_has_everything, |app: TestApp| async move {
    requestor(&app, "alice", "Alice Example").await;
    let t = ticket_from(&app, "alice", "Screen stays black").await;
    let other = ticket_from(&app, "alice", "Another problem").await;
    let dup = ticket_from(&app, "alice", "Screen stays black (again)").await;
    let (s, v) = app
        .post(
            &format!("ticket/{t}/correspond"),
            &json!({"Content": "<p onclick=\"x()\">Try <b>nomodeset</b><script>alert(1)</script></p>",
                    "ContentType": "text/html",
                    "Attachments": [{"FileName": "boot.log", "FileType": "text/plain",
                                     "FileContent": base64::engine::general_purpose::STANDARD.encode("kernel: ok\n")}]}),
        )
        .await;
    assert_eq!(s, 201, "{v}");
    let (s, v) = app
        .post(
            &format!("ticket/{t}/comment"),
            &json!({"Content": "internal note"}),
        )
        .await;
    assert_eq!(s, 201, "{v}");
    let (s, v) = app
        .put(
            &format!("ticket/{t}"),
            &json!({"AddRefersTo": other.to_string()}),
        )
        .await;
    assert_eq!(s, 200, "{v}");
    let (s, v) = app
        .put(
            &format!("ticket/{dup}"),
            &json!({"MergeInto": t.to_string()}),
        )
        .await;
    assert_eq!(s, 200, "{v}");
    let (s, v) = app
        .post(
            "customfield",
            &json!({"Name": "Tails version", "Type": "Freeform"}),
        )
        .await;
    assert_eq!(s, 201, "{v}");
    let (s, v) = app
        .put(
            &format!("ticket/{t}"),
            &json!({"CustomFields": {"Tails version": "6.9"}}),
        )
        .await;
    assert_eq!(s, 200, "{v}");

    let (s, p) = app.get_json(&format!("hushdesk/ticket/{t}")).await;
    assert_eq!(s, 200, "{p}");
    assert_eq!(p["ticket"]["id"], t);
    assert_eq!(p["ticket"]["subject"], "Screen stays black");
    assert_eq!(p["requestors"][0]["person"]["real_name"], "Alice Example");
    assert_eq!(p["requestors"][0]["other_tickets"], 2);
    assert_eq!(
        p["links"],
        json!([{"type": "RefersTo", "ticket": other,
        "uri": format!("fsck.com-rt://hushdesk.local/ticket/{other}"),
        "subject": "Another problem", "status": "new"}])
    );
    assert_eq!(p["merged"], json!([dup]));
    let cf = p["custom_fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "Tails version")
        .unwrap()
        .clone();
    assert_eq!(cf["values"], json!(["6.9"]));
    assert!(p["can"]
        .as_array()
        .unwrap()
        .contains(&json!("ReplyToTicket")));

    let history = p["history"].as_array().unwrap();
    let kinds: Vec<&str> = history
        .iter()
        .map(|h| h["type"].as_str().unwrap())
        .collect();
    assert!(
        kinds.contains(&"Create") && kinds.contains(&"Comment") && kinds.contains(&"AddLink"),
        "{kinds:?}"
    );
    assert_eq!(history[0]["text"], "Help with Screen stays black");
    assert_eq!(history[0]["creator"]["name"], "alice");
    assert_eq!(history[0]["openpgp"], json!(null));
    let reply = history.iter().find(|h| h["type"] == "Correspond").unwrap();
    assert_eq!(reply["html"], "<p>Try <b>nomodeset</b></p>");
    assert_eq!(reply["text"], "Try nomodeset");
    assert_eq!(reply["attachments"][0]["filename"], "boot.log");
    assert_eq!(reply["attachments"][0]["size"], 11);
    // Merged ticket's history is included.
    assert!(history
        .iter()
        .any(|h| h["text"] == "Help with Screen stays black (again)"));

    // Download the attachment.
    let url = reply["attachments"][0]["download_url"]
        .as_str()
        .unwrap()
        .to_owned();
    let r = app
        .client
        .get(format!("{}{}", app.base.trim_end_matches("/REST/2.0"), url))
        .basic_auth("root", Some(crate::helpers::ADMIN_PASSWORD))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(
        r.headers()["content-disposition"],
        "attachment; filename=\"boot.log\""
    );
    assert_eq!(r.headers()["content-type"], "text/plain");
    assert_eq!(r.text().await.unwrap(), "kernel: ok\n");

    // A merged id shows the survivor; unknown ids are 404.
    let (s, v) = app.get_json(&format!("hushdesk/ticket/{dup}")).await;
    assert_eq!((s, v["ticket"]["id"].as_i64()), (200, Some(t)));
    let (s, _) = app.get_json("hushdesk/ticket/999999").await;
    assert_eq!(s, 404);
    let (s, _) = app.get_json("hushdesk/attachment/999999/content").await;
    assert_eq!(s, 404);

    // Without ShowTicketComments, comments are left out.
    app.user_with_rights("viewer", None, &["ShowTicket"]).await;
    let (s, v) = app.get_as("viewer", &format!("hushdesk/ticket/{t}")).await;
    assert_eq!(s, 200);
    assert!(!v["history"]
        .as_array()
        .unwrap()
        .iter()
        .any(|h| h["type"] == "Comment"));
    assert_eq!(v["can"], json!([]));
    let (s, _) = app.get_as("viewer", "hushdesk/ticket/abc").await;
    assert_eq!(s, 404);
});
