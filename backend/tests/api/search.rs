//! TicketSQL over REST 2.0: operators, fields, paging, errors, and rights inside the query.

use serde_json::json;

use crate::both;
use crate::helpers::TestApp;

fn ids(v: &serde_json::Value) -> Vec<i64> {
    v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap().parse().unwrap())
        .collect()
}

both!(ticketsql_fields_and_operators, |app: TestApp| async move {
    let (s, _) = app.post("customfield", &json!({"Name": "Severity"})).await;
    assert_eq!(s, 201);
    let a = app.ticket("Printer jammed", "p1@example.test").await;
    let b = app.ticket("Wi-Fi drops", "p2@example.test").await;
    let c = app.ticket("printer offline", "p1@example.test").await;
    app.put(
        &format!("ticket/{b}"),
        &json!({"Status": "open", "CustomFields": {"Severity": "High"}}),
    )
    .await;
    app.post(
        &format!("ticket/{c}/comment"),
        &json!({"Content": "The Realtek card firmware is missing"}),
    )
    .await;

    let id_range = format!("id > {a} AND id <= {c}");
    let q = |sql: &str| format!("tickets?query={}", urlencode(sql));
    let cases: Vec<(&str, Vec<i64>)> = vec![
        ("Subject LIKE 'printer'", vec![a, c]),
        ("Subject NOT LIKE 'printer'", vec![b]),
        ("Requestor.EmailAddress = 'p1@example.test'", vec![a, c]),
        ("Requestor = 'P2@EXAMPLE.TEST'", vec![b]),
        ("Requestor != 'p1@example.test'", vec![b]),
        (
            "Status = 'new' AND (Subject LIKE 'jam' OR Subject LIKE 'offline')",
            vec![a, c],
        ),
        ("Status = '__Active__'", vec![a, b, c]),
        ("Queue = 'General' AND Status != 'new'", vec![b]),
        (id_range.as_str(), vec![b, c]),
        ("'CF.{Severity}' = 'High'", vec![b]),
        ("CF.{Severity} IS NULL", vec![a, c]),
        ("Content LIKE 'realtek firmware'", vec![c]),
        ("Owner = 'Nobody'", vec![a, b, c]),
        ("Resolved IS NULL AND Created > '2000-01-01'", vec![a, b, c]),
        ("Priority = 0 AND Told IS NULL", vec![a, b, c]),
    ];
    for (sql, want) in cases {
        let (s, v) = app.get_json(&q(sql)).await;
        assert_eq!(s, 200, "{sql}: {v}");
        assert_eq!(ids(&v), want, "{sql}");
        assert_eq!(v["total"], json!(want.len()), "{sql}");
    }
    let (_, v) = app
        .get_json(&format!("{}&orderby=id&order=DESC", q("Queue = 'General'")))
        .await;
    assert_eq!(ids(&v), vec![c, b, a]);
});

both!(paging_and_errors, |app: TestApp| async move {
    for i in 0..45 {
        app.ticket(&format!("bulk {i}"), "bulk@example.test").await;
    }
    let (_, p1) = app.get_json("tickets?query=Subject LIKE 'bulk'").await;
    assert_eq!(
        (
            p1["count"].clone(),
            p1["total"].clone(),
            p1["pages"].clone(),
            p1["per_page"].clone()
        ),
        (json!(20), json!(45), json!(3), json!(20))
    );
    assert!(p1["next_page"].as_str().unwrap().contains("page=2"));
    let (_, p3) = app
        .get_json("tickets?query=Subject LIKE 'bulk'&page=3")
        .await;
    assert_eq!(p3["count"], 5);
    let (_, big) = app
        .get_json("tickets?query=Subject LIKE 'bulk'&per_page=1000")
        .await;
    assert_eq!(big["per_page"], 100);
    let (_, junk) = app
        .get_json("tickets?query=Subject LIKE 'bulk'&per_page=junk")
        .await;
    assert_eq!(junk["per_page"], 20);

    let (s, v) = app
        .get_json(&format!("tickets?query={}", urlencode("(Status = )")))
        .await;
    assert_eq!(s, 400);
    let msg = v["message"].as_str().unwrap();
    assert!(
        msg.starts_with("Wrong query, expecting a VALUE in '(Status = >)<--here"),
        "{msg}"
    );
    let (s, v) = app
        .get_json(&format!("tickets?query={}", urlencode("Bogus = 1")))
        .await;
    assert_eq!(s, 400);
    assert!(
        v["message"]
            .as_str()
            .unwrap()
            .contains("Unknown field: Bogus"),
        "{v}"
    );
    let (s, _) = app.get_json("tickets?query=id=1&orderby=Nonsense").await;
    assert_eq!(s, 400);
});

both!(rights_apply_inside_the_query, |app: TestApp| async move {
    let (s, _) = app.post("queue", &json!({"Name": "Secret"})).await;
    assert_eq!(s, 201);
    app.user_with_rights("agent1", Some("General"), &["SeeQueue", "ShowTicket"])
        .await;
    let mut visible = Vec::new();
    for i in 0..30 {
        let queue = if i % 2 == 0 { "General" } else { "Secret" };
        let (s, v) = app
            .post(
                "ticket",
                &json!({"Queue": queue, "Subject": format!("mixed {i}")}),
            )
            .await;
        assert_eq!(s, 201);
        if queue == "General" {
            visible.push(v["id"].as_str().unwrap().parse::<i64>().unwrap());
        }
    }
    let (s, page) = app
        .get_as("agent1", "tickets?query=Subject LIKE 'mixed'&per_page=10")
        .await;
    assert_eq!(s, 200);
    assert_eq!(page["total"], 15);
    assert_eq!(
        ids(&page),
        visible[..10].to_vec(),
        "pages are full of visible tickets"
    );
    let hidden = visible[0] + 1;
    let (s, v) = app.get_as("agent1", &format!("ticket/{hidden}")).await;
    assert_eq!((s, v), (403, json!({"message": "Forbidden"})));
    let (s, _) = app
        .get_as("agent1", &format!("ticket/{}", visible[0]))
        .await;
    assert_eq!(s, 200);
});

pub fn urlencode(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}
