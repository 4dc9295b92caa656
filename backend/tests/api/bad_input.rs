//! Bad input gets a clear 4xx and writes nothing.

use serde_json::json;

use crate::both;
use crate::helpers::TestApp;

async fn count_tickets(app: &TestApp) -> i64 {
    let (_, v) = app.get_json("tickets?query=id > 0").await;
    v["total"].as_i64().unwrap()
}

both!(
    rejects_bad_input_without_writing,
    |app: TestApp| async move {
        let raw = |body: Vec<u8>| {
            app.client
                .post(app.url("ticket"))
                .basic_auth("root", Some(crate::helpers::ADMIN_PASSWORD))
                .header("Content-Type", "application/json")
                .body(body)
                .send()
        };
        let r = raw(b"{\"Queue\": \"General\", ".to_vec()).await.unwrap();
        assert_eq!(r.status().as_u16(), 400);
        assert!(r.json::<serde_json::Value>().await.unwrap()["message"]
            .as_str()
            .unwrap()
            .starts_with("Invalid JSON"));
        let r = raw(b"{\"Queue\": \"General\", \"Subject\": \"\xff\xfe\"}".to_vec())
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), 400);
        let r = raw(b"[1, 2]".to_vec()).await.unwrap();
        assert_eq!(r.status().as_u16(), 400);

        let (s, v) = app
            .post("ticket", &json!({"Queue": "Nowhere", "Subject": "x"}))
            .await;
        assert_eq!(s, 400);
        assert!(v["message"]
            .as_str()
            .unwrap()
            .contains("Queue 'Nowhere' not found"));
        let (s, _) = app
            .post("ticket", &json!({"Queue": "General", "Priority": "high"}))
            .await;
        assert_eq!(s, 400);
        let (s, _) = app
            .post("ticket", &json!({"Queue": "General", "Status": "stalled"}))
            .await;
        assert_eq!(s, 400);
        let (s, _) = app
            .post("ticket", &json!({"Queue": "General", "Owner": "ghost"}))
            .await;
        assert_eq!(s, 400);
        let (s, _) = app
            .post(
                "ticket",
                &json!({"Queue": "General", "Requestor": "not an address"}),
            )
            .await;
        assert_eq!(s, 400);
        let (s, _) = app
            .post("ticket", &json!({"Queue": "General", "Due": "someday"}))
            .await;
        assert_eq!(s, 400);
        let (s, _) = app.post("ticket", &json!({"Queue": "General", "Attachments": [{"FileName": "a", "FileContent": "!!!"}]})).await;
        assert_eq!(s, 400);
        let (s, _) = app
            .post("ticket", &json!({"Queue": "General", "Frobnicate": 1}))
            .await;
        assert_eq!(s, 400);
        let (s, _) = app.post("user", &json!({"Name": "u1", "Bogus": "x"})).await;
        assert_eq!(s, 400);
        let (s, _) = app.get_json("ticket/abc").await;
        assert_eq!(s, 404);
        let (s, _) = app.get_json("ticket/424242").await;
        assert_eq!(s, 404);
        let (s, v) = app.put("ticket/424242", &json!({"Status": "open"})).await;
        assert_eq!((s, v), (404, json!({"message": "Not Found"})));
        let (s, _) = app.get_json("no/such/route").await;
        assert_eq!(s, 404);
        assert_eq!(count_tickets(&app).await, 0, "nothing half-written");
    }
);

mod too_large {
    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn bodies_over_the_limit_get_413() {
        let app =
            crate::helpers::spawn_app_with(crate::helpers::Db::Sqlite, |c| c.max_body_bytes = 4096)
                .await;
        let big = "x".repeat(10_000);
        let (s, v) = app
            .post("ticket", &json!({"Queue": "General", "Content": big}))
            .await;
        assert_eq!(s, 413, "{v}");
        let form = reqwest::multipart::Form::new()
            .text("JSON", json!({"Queue": "General"}).to_string())
            .part(
                "Attachments",
                reqwest::multipart::Part::bytes(vec![7u8; 10_000]).file_name("big.bin"),
            );
        let r = app
            .client
            .post(app.url("ticket"))
            .basic_auth("root", Some(crate::helpers::ADMIN_PASSWORD))
            .multipart(form)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), 413);
        assert_eq!(count_tickets(&app).await, 0);
    }
}
