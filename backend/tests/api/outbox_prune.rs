//! Sent mail leaves the outbox after `[outbound] keep_sent_days`; its EmailRecord stays in the
//! ticket's history, and mail that was not sent stays.

use std::sync::Arc;
use std::time::Duration;

use hushdesk::domain::clock::FixedClock;
use hushdesk::mail::outbound::prune_sent;
use serde_json::{json, Value};

use crate::helpers::{spawn_app_at, Db, TestApp};
use crate::mail::history_types;

async fn outbox(app: &TestApp, ticket: i64) -> Vec<Value> {
    let (s, v) = app.get_json(&format!("ticket/{ticket}/outbox")).await;
    assert_eq!(s, 200, "{v}");
    v["items"].as_array().unwrap().clone()
}

async fn sent_mail_is_pruned(db: Db) {
    let t0 = chrono::NaiveDate::from_ymd_opt(2026, 3, 1)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap();
    let clock = Arc::new(FixedClock::new(t0));
    let (app, store, _config) = spawn_app_at(db, |_| {}, clock.clone()).await;
    let (s, v) = app
        .put(
            "queue/General",
            &json!({"CorrespondAddress": "support@example.test"}),
        )
        .await;
    assert_eq!(s, 200, "{v}");
    let ticket = app.ticket("printer", "alice@example.test").await;
    let (s, v) = app
        .post(
            &format!("ticket/{ticket}/correspond"),
            &json!({"Content": "Try again.", "ContentType": "text/plain"}),
        )
        .await;
    assert_eq!(s, 201, "{v}");
    let mut items = Vec::new();
    for _ in 0..100 {
        items = outbox(&app, ticket).await;
        if !items.is_empty() && items.iter().all(|i| i["status"] == "sent") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(items.len(), 1, "{items:?}");
    assert_eq!(items[0]["status"], "sent", "{items:?}");
    assert!(history_types(&app, ticket)
        .await
        .contains(&"EmailRecord".to_owned()));

    // A row not yet sent is never pruned.
    let pending = store
        .write_blocking(|c| -> Result<i64, hushdesk::store::StoreError> {
            let id = hushdesk::store::openpgp::enqueue(c, ticket, 0, "correspond", t0)?;
            hushdesk::store::openpgp::mark(c, id, "held", "test", 0, t0)?;
            Ok(id)
        })
        .unwrap();

    let prune = |days: u32, at: chrono::NaiveDateTime| {
        store
            .write_blocking(|c| -> Result<usize, hushdesk::store::StoreError> {
                Ok(prune_sent(c, days, at)?)
            })
            .unwrap()
    };
    let day = chrono::Duration::days(1);
    assert_eq!(prune(30, t0 + day * 29), 0);
    assert_eq!(outbox(&app, ticket).await.len(), 2);
    assert_eq!(prune(0, t0 + day * 3650), 0, "0 keeps sent mail forever");
    assert_eq!(prune(30, t0 + day * 31), 1);
    let left = outbox(&app, ticket).await;
    assert_eq!(left.len(), 1, "{left:?}");
    assert_eq!(left[0]["id"], json!(pending));
    assert_eq!(left[0]["status"], "held");
    assert!(history_types(&app, ticket)
        .await
        .contains(&"EmailRecord".to_owned()));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sent_mail_is_pruned_sqlite() {
    sent_mail_is_pruned(Db::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sent_mail_is_pruned_postgres() {
    sent_mail_is_pruned(Db::Postgres).await;
}
