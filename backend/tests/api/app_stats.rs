//! Dashboard statistics, as JSON and CSV.

use serde_json::json;

use crate::app_common::{reply, requestor, ticket_from};
use crate::both;
use crate::helpers::TestApp;

fn series_values(v: &serde_json::Value, name: &str) -> Vec<(String, i64)> {
    v["series"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == name)
        .unwrap_or_else(|| panic!("no series {name} in {v}"))["points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["label"].as_str().unwrap().to_owned(),
                p["value"].as_i64().unwrap(),
            )
        })
        .collect()
}

both!(
    stats_count_tickets_and_export_csv,
    |app: TestApp| async move {
        requestor(&app, "alice", "Alice Example").await;
        let a = ticket_from(&app, "alice", "Wi-Fi").await;
        let b = ticket_from(&app, "alice", "Tor").await;
        let _c = ticket_from(&app, "alice", "Screen").await;
        reply(&app, a, "Answer").await;
        reply(&app, b, "Answer").await;
        let (s, _) = app
            .put(&format!("ticket/{b}"), &json!({"Status": "resolved"}))
            .await;
        assert_eq!(s, 200);
        let today =
            hushdesk::domain::clock::Clock::now(&hushdesk::domain::clock::SystemClock).date();
        let d = today.format("%Y-%m-%d").to_string();
        let yesterday = (today - chrono::Duration::days(1))
            .format("%Y-%m-%d")
            .to_string();
        let range = format!("from={yesterday}&to={d}");

        let (s, v) = app
            .get_json(&format!("hushdesk/stats/new-tickets?{range}"))
            .await;
        assert_eq!(s, 200, "{v}");
        assert_eq!(v["kind"], "new-tickets");
        assert_eq!(v["period"], "day");
        assert_eq!(
            series_values(&v, "all"),
            vec![(yesterday.clone(), 0), (d.clone(), 3)]
        );

        let (_, v) = app
            .get_json(&format!("hushdesk/stats/backlog?{range}"))
            .await;
        assert_eq!(
            series_values(&v, "all"),
            vec![(yesterday.clone(), 0), (d.clone(), 2)]
        );

        let (_, v) = app
            .get_json(&format!("hushdesk/stats/first-response?{range}"))
            .await;
        assert_eq!(v["period"], "bucket");
        let fr = series_values(&v, "all");
        assert_eq!(fr[0], ("<1h".to_owned(), 2));
        assert_eq!(fr.last().unwrap(), &("no reply".to_owned(), 1));
        assert_eq!(fr.iter().map(|p| p.1).sum::<i64>(), 3);

        let (_, v) = app
            .get_json(&format!("hushdesk/stats/resolved?{range}"))
            .await;
        assert_eq!(v["period"], "week");
        assert_eq!(series_values(&v, "all").iter().map(|p| p.1).sum::<i64>(), 1);

        // One series per queue and per language; queues without tickets count zero.
        let (s, v) = app
            .post("queue", &json!({"Name": "help-de", "Language": "de"}))
            .await;
        assert_eq!(s, 201, "{v}");
        let (_, v) = app
            .get_json(&format!("hushdesk/stats/new-tickets?{range}&group=queue"))
            .await;
        assert_eq!(series_values(&v, "General").last().unwrap().1, 3);
        assert_eq!(series_values(&v, "help-de").last().unwrap().1, 0);
        let (_, v) = app
            .get_json(&format!(
                "hushdesk/stats/new-tickets?{range}&group=language"
            ))
            .await;
        assert_eq!(series_values(&v, "en").last().unwrap().1, 3);
        let (_, v) = app
            .get_json(&format!("hushdesk/stats/new-tickets?{range}&language=de"))
            .await;
        assert_eq!(series_values(&v, "all").last().unwrap().1, 0);

        // CSV.
        let r = app
            .get(&format!("hushdesk/stats/new-tickets?{range}&format=csv"))
            .await;
        assert_eq!(r.status().as_u16(), 200);
        assert_eq!(r.headers()["content-type"], "text/csv; charset=utf-8");
        assert_eq!(
            r.text().await.unwrap(),
            format!("series,label,value\nall,{yesterday},0\nall,{d},3\n")
        );

        // Bad input.
        for (q, code) in [
            ("hushdesk/stats/bogus", 404),
            ("hushdesk/stats/backlog?from=2026-13-01", 400),
            ("hushdesk/stats/backlog?from=2026-02-01&to=2026-01-01", 400),
            ("hushdesk/stats/backlog?from=2000-01-01&to=2026-01-01", 400),
            ("hushdesk/stats/new-tickets?period=month", 400),
            ("hushdesk/stats/new-tickets?group=owner", 400),
            ("hushdesk/stats/new-tickets?format=xml", 400),
        ] {
            let (s, v) = app.get_json(q).await;
            assert_eq!(s, code, "{q}: {v}");
        }
    }
);
