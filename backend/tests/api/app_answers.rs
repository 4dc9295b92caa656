//! Template answers: CRUD with rights, search, rendering for a ticket, usage count.

use serde_json::json;

use crate::app_common::{requestor, send_as, ticket_from};
use crate::both;
use crate::helpers::TestApp;

both!(answers_crud_search_render, |app: TestApp| async move {
    let (s, v) = app
        .post(
            "hushdesk/answers",
            &json!({"title": "Ask for the Wi-Fi card", "language": "en", "category": "Hardware",
                    "body": "Hi {{requester_name}}, about #{{ticket_id}} in {{queue}} ({{subject}}): run lspci. {{supporter_name}} {{unknown_thing}}"}),
        )
        .await;
    assert_eq!(s, 201, "{v}");
    let wifi = v["id"].as_i64().unwrap();
    assert_eq!(v["usage_count"], 0);
    assert_eq!(v["category"], "Hardware");
    let (s, v) = app
        .post(
            "hushdesk/answers",
            &json!({"title": "Pont Tor", "language": "fr", "body": "Bonjour {{requester_name}}, utilisez un pont."}),
        )
        .await;
    assert_eq!(s, 201, "{v}");
    let fr = v["id"].as_i64().unwrap();

    for (body, what) in [
        (
            json!({"title": " ", "language": "en", "body": "x"}),
            "title",
        ),
        (
            json!({"title": "t", "language": "english", "body": "x"}),
            "language",
        ),
        (json!({"title": "t", "language": "en", "body": ""}), "body"),
    ] {
        let (s, v) = app.post("hushdesk/answers", &body).await;
        assert_eq!(s, 400, "{v}");
        assert!(v["message"].as_str().unwrap().contains(what), "{v}");
    }
    let (s, _) = app.post("hushdesk/answers", &json!({"title": 3})).await;
    assert_eq!(s, 400);

    // Search and filters.
    let (_, v) = app.get_json("hushdesk/answers?q=LSPCI").await;
    assert_eq!(v["total"], 1);
    assert_eq!(v["items"][0]["id"], wifi);
    let (_, v) = app.get_json("hushdesk/answers?language=fr").await;
    assert_eq!(v["items"][0]["id"], fr);
    assert_eq!(v["total"], 1);
    let (_, v) = app.get_json("hushdesk/answers?q=pont&language=en").await;
    assert_eq!(v["total"], 0);
    let (_, v) = app.get_json("hushdesk/answers?q=100%25").await;
    assert_eq!(v["total"], 0);
    let (_, v) = app.get_json("hushdesk/answers?category=Hardware").await;
    assert_eq!(v["total"], 1);

    // Render for a ticket: preview, then use.
    requestor(&app, "alice", "Alice Example").await;
    let t = ticket_from(&app, "alice", "No Wi-Fi").await;
    let (s, v) = app
        .post(
            &format!("hushdesk/answers/{wifi}/render"),
            &json!({"ticket": t}),
        )
        .await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(
        v["body"],
        format!("Hi Alice Example, about #{t} in General (No Wi-Fi): run lspci. Enoch Root {{{{unknown_thing}}}}")
    );
    assert_eq!(v["unknown_variables"], json!(["unknown_thing"]));
    assert_eq!(v["usage_count"], 0);
    let (_, v) = app
        .post(
            &format!("hushdesk/answers/{wifi}/render"),
            &json!({"ticket": t, "use": true}),
        )
        .await;
    assert_eq!(v["usage_count"], 1);
    let (_, v) = app.get_json(&format!("hushdesk/answers/{wifi}")).await;
    assert_eq!(v["usage_count"], 1);
    let (s, v) = app
        .post(
            &format!("hushdesk/answers/{wifi}/render"),
            &json!({"ticket": 999_999}),
        )
        .await;
    assert_eq!(s, 400, "{v}");

    // Supporters read and use; only managers write; requestors see nothing.
    app.user_with_rights("sup", None, &["ShowTicket", "ReplyToTicket"])
        .await;
    let (s, v) = app.get_as("sup", "hushdesk/answers").await;
    assert_eq!(s, 200);
    assert_eq!(v["total"], 2);
    let (s, _) = send_as(
        &app,
        "sup",
        reqwest::Method::POST,
        "hushdesk/answers",
        Some(&json!({"title": "x", "language": "en", "body": "y"})),
    )
    .await;
    assert_eq!(s, 403);
    let (s, _) = send_as(
        &app,
        "sup",
        reqwest::Method::DELETE,
        &format!("hushdesk/answers/{fr}"),
        None,
    )
    .await;
    assert_eq!(s, 403);
    let (s, _) = app.get_as("alice", "hushdesk/answers").await;
    assert_eq!(s, 403);
    app.user_with_rights("editor", None, &["AdminAnswers"])
        .await;
    let (s, v) = send_as(&app, "editor", reqwest::Method::PUT, &format!("hushdesk/answers/{fr}"),
        Some(&json!({"title": "Utiliser un pont Tor", "language": "fr", "body": "Bonjour", "category": "Tor"}))).await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["title"], "Utiliser un pont Tor");
    assert_eq!(v["category"], "Tor");

    let r = app
        .client
        .delete(app.url(&format!("hushdesk/answers/{fr}")))
        .basic_auth("root", Some(crate::helpers::ADMIN_PASSWORD))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 204);
    let (s, _) = app.get_json(&format!("hushdesk/answers/{fr}")).await;
    assert_eq!(s, 404);
    let (s, _) = app
        .put(
            &format!("hushdesk/answers/{fr}"),
            &json!({"title": "a", "language": "fr", "body": "b"}),
        )
        .await;
    assert_eq!(s, 404);
    let (s, _) = app.get_json("hushdesk/answers/abc").await;
    assert_eq!(s, 404);
});
