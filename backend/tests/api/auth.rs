//! Authentication: tokens, Basic, the app's session cookie, and RT's refusal shapes.

use serde_json::json;

use crate::both;
use crate::helpers::{TestApp, ADMIN_PASSWORD};

both!(tokens_basic_and_sessions, |app: TestApp| async move {
    let url = app.url("rt");
    let r = app.client.get(&url).send().await.unwrap();
    assert_eq!(r.status().as_u16(), 401);
    assert_eq!(
        r.json::<serde_json::Value>().await.unwrap(),
        json!({"message": "Unauthorized"})
    );
    let r = app
        .client
        .get(&url)
        .header("User-Agent", "Mozilla/5.0")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 302);
    let r = app
        .client
        .get(&url)
        .basic_auth("root", Some("wrong"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 401);

    let (s, tok) = app
        .post("user/root/tokens", &json!({"Description": "scripts"}))
        .await;
    assert_eq!(s, 201);
    let token = tok["token"].as_str().unwrap().to_owned();
    let r = app
        .client
        .get(&url)
        .header("Authorization", format!("token {token}"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    assert!(r.json::<serde_json::Value>().await.unwrap()["Version"]
        .as_str()
        .unwrap()
        .starts_with("Hushdesk/"));
    let r = app
        .client
        .get(format!("{url}?token={token}"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    let last = if token.ends_with('0') { '1' } else { '0' };
    let forged = format!("{}{last}", &token[..token.len() - 1]);
    let r = app
        .client
        .get(&url)
        .header("Authorization", format!("token {forged}"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 401);
    let (_, list) = app.get_json("user/root/tokens").await;
    assert_eq!(list[0]["description"], "scripts");
    assert!(list[0].get("token").is_none());
    assert!(
        list[0]["last_used"].as_str().is_some(),
        "last use recorded: {list}"
    );

    let r = app
        .client
        .post(app.url("hushdesk/login"))
        .json(&json!({"username": "root", "password": ADMIN_PASSWORD}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    let cookie = r
        .headers()
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    let pair = cookie.split(';').next().unwrap().to_owned();
    let r = app
        .client
        .get(app.url("hushdesk/session"))
        .header("Cookie", &pair)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(r.json::<serde_json::Value>().await.unwrap()["name"], "root");
    let r = app
        .client
        .post(app.url("hushdesk/login"))
        .json(&json!({"username": "root", "password": "nope"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 401);
});

both!(limited_user_is_forbidden, |app: TestApp| async move {
    app.user_with_rights("agent2", Some("General"), &["SeeQueue", "ShowTicket"])
        .await;
    let (s, _) = app.get_as("agent2", "rt").await;
    assert_eq!(s, 200);
    let r = app
        .client
        .post(app.url("queue"))
        .basic_auth("agent2", Some("password-123"))
        .json(&json!({"Name": "Nope"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 403);
    assert_eq!(
        r.json::<serde_json::Value>().await.unwrap(),
        json!({"message": "Forbidden"})
    );
    let r = app
        .client
        .post(app.url("ticket"))
        .basic_auth("agent2", Some("password-123"))
        .json(&json!({"Queue": "General", "Subject": "no CreateTicket"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 403);
});
