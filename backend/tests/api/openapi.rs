//! The checked-in OpenAPI document matches what the code generates, and is served.

#[test]
fn openapi_json_is_in_step_with_the_code() {
    let path = format!("{}/../openapi/openapi.json", env!("CARGO_MANIFEST_DIR"));
    let generated = hushdesk::openapi_json();
    if std::env::var_os("HUSHDESK_UPDATE_OPENAPI").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == generated,
        "openapi/openapi.json is stale: run `cargo run -p hushdesk -- openapi > openapi/openapi.json` \
         (or HUSHDESK_UPDATE_OPENAPI=1 cargo test -p hushdesk openapi)"
    );
    let doc: serde_json::Value = serde_json::from_str(&generated).unwrap();
    for p in [
        "/REST/2.0/ticket",
        "/REST/2.0/ticket/{id}",
        "/REST/2.0/tickets",
        "/REST/2.0/queues/all",
        "/REST/2.0/user/{id}",
    ] {
        assert!(
            doc["paths"].get(p).is_some(),
            "{p} missing from the document"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn document_and_docs_page_are_served_offline() {
    let app = crate::helpers::spawn_app(crate::helpers::Db::Sqlite).await;
    let root = app.base.trim_end_matches("/REST/2.0").to_owned();
    let r = app
        .client
        .get(format!("{root}/openapi.json"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(r.text().await.unwrap(), hushdesk::openapi_json());
    let r = app
        .client
        .get(format!("{root}/docs/"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    let html = r.text().await.unwrap();
    assert!(html.contains("swagger"), "docs page");
    assert!(!html.contains("https://"), "no CDN links in the docs page");
}
