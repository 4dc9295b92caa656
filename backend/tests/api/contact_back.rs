//! Contacting users back when a known issue is fixed: preview (dry run) then the real action,
//! one reply per linked ticket in its language (fallback English), through the normal
//! correspondence path (encrypted to a known key), recorded on each ticket, never twice.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{json, Value};

use crate::both;
use crate::helpers::TestApp;
use crate::openpgp::{add_user_with_key, queue_key, user_key};
use crate::outbound::settled_outbox;
use crate::wb_samples::{known_issue, language_queues, link, post_report, samples};

const ANSWERS: [(&str, &str); 3] = [
    (
        "en",
        "Hello, the problem of ticket #{{ticket_id}} ({{queue}}) is fixed in Tails 6.10.",
    ),
    (
        "fr",
        "Bonjour, le problème du ticket #{{ticket_id}} ({{queue}}) est corrigé dans Tails 6.10.",
    ),
    (
        "es",
        "Hola, el problema del ticket #{{ticket_id}} ({{queue}}) está resuelto en Tails 6.10.",
    ),
];

fn text_for(lang: &str, ticket: i64, queue: &str) -> String {
    let body = ANSWERS.iter().find(|(l, _)| *l == lang).unwrap().1;
    body.replace("{{ticket_id}}", &ticket.to_string())
        .replace("{{queue}}", queue)
}

/// The ticket's Correspond entries (texts), from the ticket page.
async fn replies_on(app: &TestApp, ticket: i64) -> Vec<String> {
    let (s, v) = app.get_json(&format!("hushdesk/ticket/{ticket}")).await;
    assert_eq!(s, 200, "{v}");
    v["history"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|h| h["type"] == "Correspond")
        .map(|h| h["text"].as_str().unwrap_or("").trim_end().to_owned())
        .collect()
}

fn by_ticket(v: &Value) -> BTreeMap<i64, (String, String)> {
    v["replies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["ticket"].as_i64().unwrap(),
                (
                    r["ticket_language"].as_str().unwrap().to_owned(),
                    r["language"].as_str().unwrap().to_owned(),
                ),
            )
        })
        .collect()
}

both!(
    replies_once_per_ticket_in_its_language,
    |app: TestApp| async move {
        language_queues(&app).await;
        // One requestor's key is known: their reply goes out encrypted.
        let _fr_key = queue_key(&app, "French").await;
        let known = user_key("Whistle <whistle9486@riseup.net>");
        add_user_with_key(&app, "whistle9486@riseup.net", &known).await;

        let issue = known_issue(&app, "Intel GPU: GDM error", &["gpu"]).await;
        let other = known_issue(&app, "Tor bootstrap: clock skew", &[]).await;
        // Ticket → (truth language, contact email, queue name).
        let mut linked: BTreeMap<i64, (String, Option<String>, String)> = BTreeMap::new();
        for s in samples() {
            let label = s.label().to_owned();
            if label != "graphics-intel-gdm-error" && s.name != "wb-0003" {
                continue;
            }
            let (st, v) = post_report(&app, &s.body, Some(s.subject())).await;
            assert_eq!(st, 201, "{}: {v}", s.name);
            let ticket = v["ticket"].as_i64().unwrap();
            if s.name == "wb-0003" {
                link(&app, other, ticket).await;
                continue;
            }
            link(&app, issue, ticket).await;
            linked.insert(
                ticket,
                (
                    s.lang().to_owned(),
                    s.email(),
                    v["queue"].as_str().unwrap().to_owned(),
                ),
            );
        }
        assert_eq!(linked.len(), 10);

        let mut answer_ids = Vec::new();
        for (lang, body) in ANSWERS {
            let (s, v) = app
                .post(
                    "hushdesk/answers",
                    &json!({"title": format!("Fixed in 6.10 ({lang})"), "body": body,
                        "language": lang, "category": "known-issues"}),
                )
                .await;
            assert_eq!(s, 201, "{v}");
            answer_ids.push(v["id"].as_i64().unwrap());
        }
        let req = json!({"answers": answer_ids, "default_language": "en"});
        let preview = format!("known-issue/{issue}/contact-back/preview");
        let run = format!("known-issue/{issue}/contact-back");

        // Not fixed yet: refused.
        let (s, v) = app.post(&preview, &req).await;
        assert_eq!(s, 409, "{v}");
        assert!(
            v["message"].as_str().unwrap().contains("mark it fixed"),
            "{v}"
        );
        let (s, v) = app
            .put(
                &format!("known-issue/{issue}"),
                &json!({"status": "fixed", "fixed_in": "6.10"}),
            )
            .await;
        assert_eq!(s, 200, "{v}");

        // Bad input.
        for (body, status, msg) in [
            (json!({"answers": []}), 400, "at least one template answer"),
            (json!({"answers": [9999]}), 400, "No template answer 9999"),
            (
                json!({"answers": answer_ids, "default_language": "english!"}),
                400,
                "Invalid language",
            ),
            (json!({"answers": answer_ids, "colour": 1}), 400, ""),
        ] {
            let (s, v) = app.post(&preview, &body).await;
            assert_eq!(s, status, "{body}: {v}");
            assert!(
                v["message"].as_str().unwrap_or("").contains(msg),
                "{body}: {v}"
            );
        }

        // Expected: tickets with a contact email get a reply, in their language when an answer
        // exists for it, else in English; tickets without one are skipped.
        let answered: BTreeSet<&str> = ANSWERS.iter().map(|(l, _)| *l).collect();
        let expected: BTreeMap<i64, (String, String)> = linked
            .iter()
            .filter(|(_, (_, email, _))| email.is_some())
            .map(|(t, (lang, _, _))| {
                let used = if answered.contains(lang.as_str()) {
                    lang.clone()
                } else {
                    "en".to_owned()
                };
                (*t, (lang.clone(), used))
            })
            .collect();
        let no_email: BTreeSet<i64> = linked
            .iter()
            .filter(|(_, (_, e, _))| e.is_none())
            .map(|(t, _)| *t)
            .collect();
        assert_eq!(expected.len(), 7);
        assert_eq!(no_email.len(), 3);
        let used: BTreeSet<&str> = expected.values().map(|(_, u)| u.as_str()).collect();
        assert_eq!(used, BTreeSet::from(["en", "es", "fr"]));

        let (s, dry) = app.post(&preview, &req).await;
        assert_eq!(s, 200, "{dry}");
        assert_eq!(dry["dry_run"], true);
        assert_eq!(dry["count"], json!(7), "{dry}");
        assert_eq!(by_ticket(&dry), expected);
        let skipped: BTreeMap<i64, String> = dry["skipped"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| {
                (
                    s["ticket"].as_i64().unwrap(),
                    s["reason"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        assert_eq!(
            skipped,
            no_email
                .iter()
                .map(|t| (*t, "no_requestor".to_owned()))
                .collect()
        );
        // Per-language texts, rendered for each language's first ticket.
        let langs = dry["languages"].as_array().unwrap();
        assert_eq!(
            langs
                .iter()
                .map(|l| l["language"].as_str().unwrap())
                .collect::<Vec<_>>(),
            ["en", "es", "fr"]
        );
        for l in langs {
            let lang = l["language"].as_str().unwrap();
            let tickets: Vec<i64> = l["tickets"]
                .as_array()
                .unwrap()
                .iter()
                .map(|t| t.as_i64().unwrap())
                .collect();
            let want: Vec<i64> = expected
                .iter()
                .filter(|(_, (_, u))| u == lang)
                .map(|(t, _)| *t)
                .collect();
            assert_eq!(tickets, want, "{lang}");
            let sample = l["sample_ticket"].as_i64().unwrap();
            assert_eq!(sample, want[0]);
            assert_eq!(l["text"], text_for(lang, sample, &linked[&sample].2), "{l}");
        }
        // The preview sent nothing.
        for t in expected.keys() {
            assert!(replies_on(&app, *t).await.is_empty(), "ticket {t}");
        }

        // The real run needs the preview's count.
        let (s, v) = app.post(&run, &req).await;
        assert_eq!(s, 400, "{v}");
        assert!(
            v["message"].as_str().unwrap().contains("expected_count"),
            "{v}"
        );
        let (s, v) = app
            .post(&run, &json!({"answers": answer_ids, "expected_count": 6}))
            .await;
        assert_eq!(s, 409, "{v}");
        assert!(
            v["message"].as_str().unwrap().contains("7 replies are due"),
            "{v}"
        );
        for t in expected.keys() {
            assert!(replies_on(&app, *t).await.is_empty(), "ticket {t}");
        }

        let (s, done) = app
            .post(
                &run,
                &json!({"answers": answer_ids, "default_language": "en", "expected_count": 7}),
            )
            .await;
        assert_eq!(s, 200, "{done}");
        assert_eq!(done["dry_run"], false);
        assert_eq!(done["count"], dry["count"]);
        assert_eq!(by_ticket(&done), expected);
        for r in done["replies"].as_array().unwrap() {
            assert!(r["transaction"].as_i64().is_some(), "{r}");
        }

        // Each reply is on its ticket, in its language, and goes out by mail to the requestor;
        // the one with a known key encrypted.
        for (t, (_, used)) in &expected {
            let texts = replies_on(&app, *t).await;
            assert_eq!(texts, vec![text_for(used, *t, &linked[t].2)], "ticket {t}");
            let items = settled_outbox(&app, *t, 1).await;
            assert_eq!(items.len(), 1, "{items:?}");
            let o = &items[0];
            let email = linked[t].1.clone().unwrap();
            assert_eq!(
                (o["status"].as_str(), o["kind"].as_str()),
                (Some("sent"), Some("correspond")),
                "{o}"
            );
            assert_eq!(o["recipients"].as_str().unwrap().to_lowercase(), email);
            assert_eq!(
                o["encrypted"],
                json!(email == "whistle9486@riseup.net"),
                "{o}"
            );
            let (s, h) = app
                .get_json(&format!("ticket/{t}/history?fields=Type&per_page=100"))
                .await;
            assert_eq!(s, 200);
            let types: Vec<&str> = h["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|i| i["Type"].as_str().unwrap())
                .collect();
            assert_eq!(
                types.iter().filter(|x| **x == "Correspond").count(),
                1,
                "{types:?}"
            );
            assert_eq!(
                types.iter().filter(|x| **x == "EmailRecord").count(),
                1,
                "{types:?}"
            );
        }
        // The ticket linked to the other issue got nothing.
        let (s, v) = app.get_json(&format!("known-issue/{other}/tickets")).await;
        assert_eq!(s, 200);
        let other_ticket = v["items"][0]["ticket"].as_i64().unwrap();
        assert!(replies_on(&app, other_ticket).await.is_empty());

        // Twice: nobody is replied to again.
        let (s, again) = app.post(&preview, &req).await;
        assert_eq!(s, 200, "{again}");
        assert_eq!(again["count"], 0);
        let already: BTreeSet<i64> = again["skipped"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["reason"] == "already_contacted")
            .map(|s| s["ticket"].as_i64().unwrap())
            .collect();
        assert_eq!(already, expected.keys().copied().collect());
        let (s, v) = app
            .post(&run, &json!({"answers": answer_ids, "expected_count": 0}))
            .await;
        assert_eq!((s, v["count"].clone()), (200, json!(0)), "{v}");
        for t in expected.keys() {
            assert_eq!(replies_on(&app, *t).await.len(), 1, "ticket {t}");
        }

        // A ticket linked later is the only one the next run replies to.
        let (s, v) = app
            .post(
                "ticket",
                &json!({"Queue": "General", "Subject": "Black screen", "Content": "GDM error",
                    "Requestor": "late@example.test"}),
            )
            .await;
        assert_eq!(s, 201, "{v}");
        let late = v["id"]
            .as_str()
            .map(|s| s.parse().unwrap())
            .unwrap_or_else(|| v["id"].as_i64().unwrap());
        link(&app, issue, late).await;
        let (s, v) = app.post(&preview, &req).await;
        assert_eq!(s, 200, "{v}");
        assert_eq!(v["count"], 1);
        assert_eq!(v["replies"][0]["ticket"], json!(late));
        let (s, v) = app
            .post(&run, &json!({"answers": answer_ids, "expected_count": 1}))
            .await;
        assert_eq!(s, 200, "{v}");
        assert_eq!(
            replies_on(&app, late).await,
            vec![text_for("en", late, "General")]
        );
    }
);
