//! Known issues: CRUD, linking tickets, counts of tickets and distinct requestors, and the
//! top-bugs ranking per window, queue and language — checked against the samples' truth.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{json, Value};

use crate::both;
use crate::helpers::TestApp;
use crate::wb_samples::{ingest_all, known_issue, language_queues, link, Sample};

/// Expected (tickets, distinct requestors) per issue label over the given samples.
fn expected<'a>(
    linked: impl Iterator<Item = &'a (Sample, i64)>,
) -> BTreeMap<String, (usize, usize)> {
    let mut t: BTreeMap<String, (usize, BTreeSet<String>)> = BTreeMap::new();
    for (s, _) in linked {
        let e = t.entry(s.label().to_owned()).or_default();
        e.0 += 1;
        if let Some(m) = s.email() {
            e.1.insert(m);
        }
    }
    t.into_iter().map(|(k, (n, r))| (k, (n, r.len()))).collect()
}

/// The ranking as (title, tickets, requestors), checking it is sorted as documented.
fn ranking(v: &Value) -> Vec<(String, usize, usize)> {
    let items = v["items"].as_array().unwrap();
    let out: Vec<(String, usize, usize)> = items
        .iter()
        .map(|i| {
            (
                i["title"].as_str().unwrap().to_owned(),
                i["tickets"].as_u64().unwrap() as usize,
                i["requestors"].as_u64().unwrap() as usize,
            )
        })
        .collect();
    for (n, i) in items.iter().enumerate() {
        assert_eq!(i["rank"], json!(n + 1));
    }
    for w in out.windows(2) {
        assert!((w[0].1, w[0].2) >= (w[1].1, w[1].2), "not sorted: {w:?}");
    }
    out
}

fn as_map(r: &[(String, usize, usize)]) -> BTreeMap<String, (usize, usize)> {
    r.iter().map(|(t, n, q)| (t.clone(), (*n, *q))).collect()
}

both!(crud_and_validation, |app: TestApp| async move {
    let (s, v) = app
        .post(
            "known-issues",
            &json!({
                "title": "  Intel Tiger Lake: GDM error  ",
                "description": "Add i915.force_probe",
                "tracker_url": "https://gitlab.tails.boum.org/tails/tails/-/issues/18200",
                "affected_versions": ["6.0", "5.11", "5.9"],
                "hardware_roles": ["gpu"]
            }),
        )
        .await;
    assert_eq!(s, 201, "{v}");
    let id = v["id"].as_i64().unwrap();
    assert_eq!(v["title"], "Intel Tiger Lake: GDM error");
    assert_eq!(v["status"], "open");
    assert_eq!(v["affected_versions"], json!(["5.9", "5.11", "6.0"]));
    assert_eq!(v["hardware_roles"], json!(["gpu"]));
    assert_eq!(v["tickets"], 0);
    assert!(v["_url"]
        .as_str()
        .unwrap()
        .ends_with(&format!("/REST/2.0/known-issue/{id}")));

    let (s, v) = app
        .put(
            &format!("known-issue/{id}"),
            &json!({"status": "fixed", "fixed_in": "6.10"}),
        )
        .await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["status"], "fixed");
    assert_eq!(v["fixed_in"], "6.10");
    assert_eq!(v["description"], "Add i915.force_probe");
    let (s, v) = app
        .put(
            &format!("known-issue/{id}"),
            &json!({"fixed_in": "", "tracker_url": ""}),
        )
        .await;
    assert_eq!(s, 200, "{v}");
    assert!(v["fixed_in"].is_null() && v["tracker_url"].is_null(), "{v}");

    for (body, msg) in [
        (
            json!({"description": "no title"}),
            "A known issue needs a title",
        ),
        (
            json!({"title": "x", "status": "closed"}),
            "Invalid status 'closed'",
        ),
        (
            json!({"title": "x", "tracker_url": "javascript:alert(1)"}),
            "Invalid tracker_url",
        ),
        (
            json!({"title": "x", "fixed_in": "six"}),
            "Invalid Tails version",
        ),
        (
            json!({"title": "x", "hardware_roles": ["keyboard"]}),
            "Invalid hardware role",
        ),
        (json!({"title": "x", "colour": "red"}), "Invalid JSON"),
    ] {
        let (s, v) = app.post("known-issues", &body).await;
        assert_eq!(s, 400, "{body}: {v}");
        assert!(v["message"].as_str().unwrap().contains(msg), "{body}: {v}");
    }
    let (s, _) = app.put("known-issue/999", &json!({"title": "x"})).await;
    assert_eq!(s, 404);

    let (s, v) = app.get_json("known-issues?status=open").await;
    assert_eq!((s, v["total"].clone()), (200, json!(0)), "{v}");
    let (s, v) = app.get_json("known-issues?status=fixed").await;
    assert_eq!((s, v["total"].clone()), (200, json!(1)), "{v}");
    assert_eq!(v["items"][0]["id"], json!(id));
    let (s, _) = app.get_json("known-issues?status=bogus").await;
    assert_eq!(s, 400);

    // Supporters without privileges get nothing; deleting needs AdminQueue.
    let (s, _) = app
        .post("user", &json!({"Name": "enduser", "EmailAddress": "e@example.test", "Password": "password-123"}))
        .await;
    assert_eq!(s, 201);
    let (s, _) = app.get_as("enduser", "known-issues").await;
    assert_eq!(s, 403);
    app.user_with_rights("volunteer", None, &["ShowTicket"])
        .await;
    let (s, v) = app.get_as("volunteer", &format!("known-issue/{id}")).await;
    assert_eq!(s, 200, "{v}");
    let r = app
        .client
        .delete(app.url(&format!("known-issue/{id}")))
        .basic_auth("volunteer", Some("password-123"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 403);
    let (s, _) = app
        .send(
            reqwest::Method::DELETE,
            &format!("known-issue/{id}"),
            &json!({}),
        )
        .await;
    assert_eq!(s, 204);
    let (s, _) = app.get_json(&format!("known-issue/{id}")).await;
    assert_eq!(s, 404);
});

both!(top_bugs_match_the_truth, |app: TestApp| async move {
    language_queues(&app).await;
    let ingested = ingest_all(&app).await;
    let labels: BTreeSet<String> = ingested.iter().map(|(s, _)| s.label().to_owned()).collect();
    let mut ids = BTreeMap::new();
    for l in &labels {
        ids.insert(l.clone(), known_issue(&app, l, &[]).await);
    }
    for (s, t) in &ingested {
        link(&app, ids[s.label()], *t).await;
    }
    // Linking twice changes nothing.
    let (s0, t0) = (&ingested[0].0, ingested[0].1);
    let (st, v) = app
        .put(
            &format!("known-issue/{}/ticket/{t0}", ids[s0.label()]),
            &json!({}),
        )
        .await;
    assert_eq!((st, v["changed"].clone()), (200, json!(false)));

    let truth = expected(ingested.iter());
    let (st, v) = app.get_json("known-issues/top?limit=100").await;
    assert_eq!(st, 200, "{v}");
    let all = ranking(&v);
    assert_eq!(as_map(&all), truth);
    assert_eq!(all[0].0, "graphics-intel-gdm-error");
    assert_eq!(all[0].1, 10);
    let (_, v) = app.get_json("known-issues/top?limit=3").await;
    assert_eq!(ranking(&v), all[..3].to_vec());

    // The counts on the issue itself.
    let gdm = ids["graphics-intel-gdm-error"];
    let (_, v) = app.get_json(&format!("known-issue/{gdm}")).await;
    assert_eq!(v["tickets"], json!(truth["graphics-intel-gdm-error"].0));
    assert_eq!(v["requestors"], json!(truth["graphics-intel-gdm-error"].1));
    let (_, v) = app.get_json(&format!("known-issue/{gdm}/tickets")).await;
    assert_eq!(v["items"].as_array().unwrap().len(), 10);
    assert!(v["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|i| i["report_id"].is_string()));
    let (_, v) = app.get_json(&format!("ticket/{t0}/known-issues")).await;
    assert_eq!(v["items"][0]["title"], s0.label());

    // Per language (the report's language), and per queue.
    for lang in ["fr", "en", "es"] {
        let (_, v) = app
            .get_json(&format!("known-issues/top?limit=100&language={lang}"))
            .await;
        let want = expected(ingested.iter().filter(|(s, _)| s.lang() == lang));
        assert_eq!(as_map(&ranking(&v)), want, "{lang}");
        assert_eq!(v["language"], lang);
    }
    let (_, v) = app
        .get_json("known-issues/top?limit=100&queue=German")
        .await;
    assert_eq!(
        as_map(&ranking(&v)),
        expected(ingested.iter().filter(|(s, _)| s.lang() == "de"))
    );
    assert_eq!(v["queue"], "German");
    let (st, _) = app.get_json("known-issues/top?queue=Nowhere").await;
    assert_eq!(st, 400);
    let (st, _) = app.get_json("known-issues/top?from=yesterday-ish").await;
    assert_eq!(st, 400);
    let (st, _) = app.get_json("known-issues/top?language=french").await;
    assert_eq!(st, 400);

    // The time window: everything was created just now.
    let (_, v) = app
        .get_json("known-issues/top?limit=100&from=2000-01-01&to=2099-01-01")
        .await;
    assert_eq!(as_map(&ranking(&v)), truth);
    let (_, v) = app
        .get_json("known-issues/top?from=2000-01-01&to=2001-01-01")
        .await;
    assert!(ranking(&v).is_empty());
    let (_, v) = app.get_json("known-issues/top?from=2099-01-01").await;
    assert!(ranking(&v).is_empty());

    // Fixed issues leave the ranking unless asked for; unlinking lowers the counts.
    let (st, _) = app
        .put(
            &format!("known-issue/{gdm}"),
            &json!({"status": "fixed", "fixed_in": "6.10"}),
        )
        .await;
    assert_eq!(st, 200);
    let (_, v) = app.get_json("known-issues/top?limit=100").await;
    assert!(ranking(&v)
        .iter()
        .all(|(t, _, _)| t != "graphics-intel-gdm-error"));
    let (_, v) = app.get_json("known-issues/top?limit=100&all=true").await;
    assert_eq!(ranking(&v)[0].0, "graphics-intel-gdm-error");
    let gdm_tickets: Vec<i64> = ingested
        .iter()
        .filter(|(s, _)| s.label() == "graphics-intel-gdm-error")
        .map(|(_, t)| *t)
        .collect();
    for t in &gdm_tickets[..4] {
        let (st, v) = app
            .send(
                reqwest::Method::DELETE,
                &format!("known-issue/{gdm}/ticket/{t}"),
                &json!({}),
            )
            .await;
        assert_eq!((st, v["changed"].clone()), (200, json!(true)), "{v}");
    }
    let (_, v) = app.get_json(&format!("known-issue/{gdm}")).await;
    assert_eq!(v["tickets"], 6);

    // The dashboard shows the same ranking.
    let (st, d) = app.get_json("dashboard/whisperback").await;
    assert_eq!(st, 200, "{d}");
    let (_, top) = app.get_json("known-issues/top").await;
    assert_eq!(d["top_bugs"]["items"], top["items"]);
});

both!(rights_limit_links_and_counts, |app: TestApp| async move {
    let t_general = app.ticket("Wi-Fi broken", "a@example.test").await;
    let (s, _) = app
        .post("queue", &json!({"Name": "Private", "Language": "en"}))
        .await;
    assert_eq!(s, 201);
    let (s, v) = app
        .post(
            "ticket",
            &json!({"Queue": "Private", "Subject": "Wi-Fi too", "Requestor": "b@example.test"}),
        )
        .await;
    assert_eq!(s, 201, "{v}");
    let t_private: i64 = v["id"].as_str().unwrap().parse().unwrap();
    let issue = known_issue(&app, "Wi-Fi", &["wifi"]).await;
    link(&app, issue, t_general).await;
    link(&app, issue, t_private).await;
    let (_, v) = app.get_json(&format!("known-issue/{issue}")).await;
    assert_eq!(
        (v["tickets"].clone(), v["requestors"].clone()),
        (json!(2), json!(2))
    );

    // A supporter who sees only General counts only General's ticket and cannot link elsewhere.
    app.user_with_rights("gen", Some("General"), &["ShowTicket"])
        .await;
    let (s, v) = app.get_as("gen", &format!("known-issue/{issue}")).await;
    assert_eq!(s, 200);
    assert_eq!(v["tickets"], 1);
    let (_, v) = app.get_as("gen", "known-issues/top").await;
    assert_eq!(v["items"][0]["tickets"], 1);
    let r = app
        .client
        .put(app.url(&format!("known-issue/{issue}/ticket/{t_general}")))
        .basic_auth("gen", Some("password-123"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 403, "no ModifyTicket");
    let (s, _) = app
        .put(&format!("known-issue/{issue}/ticket/424242"), &json!({}))
        .await;
    assert_eq!(s, 404);
    let (s, _) = app
        .put(&format!("known-issue/999/ticket/{t_general}"), &json!({}))
        .await;
    assert_eq!(s, 404);
});
