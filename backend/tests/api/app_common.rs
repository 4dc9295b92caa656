//! Helpers of the app tests: requestors who write themselves, and requests as any user.

use serde_json::{json, Value};

use crate::helpers::TestApp;

pub const PASSWORD: &str = "password-123";

/// An unprivileged user who may open and answer tickets (as a requestor writing by mail).
pub async fn requestor(app: &TestApp, name: &str, real_name: &str) {
    let (s, v) = app
        .post(
            "user",
            &json!({"Name": name, "EmailAddress": format!("{name}@example.test"),
                    "RealName": real_name, "Password": PASSWORD, "Privileged": 0}),
        )
        .await;
    assert_eq!(s, 201, "{v}");
    for r in ["CreateTicket", "ReplyToTicket", "ShowTicket"] {
        let (s, v) = app
            .post(
                "acl",
                &json!({"principal_type": "User", "principal": name, "right": r}),
            )
            .await;
        assert_eq!(s, 200, "{v}");
    }
}

pub async fn send_as(
    app: &TestApp,
    user: &str,
    method: reqwest::Method,
    path: &str,
    body: Option<&Value>,
) -> (u16, Value) {
    let mut r = app
        .client
        .request(method, app.url(path))
        .basic_auth(user, Some(PASSWORD));
    if let Some(b) = body {
        r = r.json(b);
    }
    let r = r.send().await.expect("request");
    let s = r.status().as_u16();
    (s, r.json().await.unwrap_or(Value::Null))
}

/// A ticket in General opened by `user` (who must be its requestor).
pub async fn ticket_from(app: &TestApp, user: &str, subject: &str) -> i64 {
    let (s, v) = send_as(
        app,
        user,
        reqwest::Method::POST,
        "ticket",
        Some(&json!({"Queue": "General", "Subject": subject,
                     "Content": format!("Help with {subject}"),
                     "Requestor": format!("{user}@example.test")})),
    )
    .await;
    assert_eq!(s, 201, "{v}");
    v["id"].as_str().and_then(|x| x.parse().ok()).expect("id")
}

pub async fn reply_as(app: &TestApp, user: &str, id: i64, text: &str) {
    let (s, v) = send_as(
        app,
        user,
        reqwest::Method::POST,
        &format!("ticket/{id}/correspond"),
        Some(&json!({"Content": text, "ContentType": "text/plain"})),
    )
    .await;
    assert_eq!(s, 201, "{v}");
}

pub async fn reply(app: &TestApp, id: i64, text: &str) {
    let (s, v) = app
        .post(
            &format!("ticket/{id}/correspond"),
            &json!({"Content": text, "ContentType": "text/plain"}),
        )
        .await;
    assert_eq!(s, 201, "{v}");
}

pub fn ids(v: &Value) -> Vec<i64> {
    v["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|t| t["id"].as_i64().expect("id"))
        .collect()
}
