//! The app's sidebar, views, view counts and shift handover.

use serde_json::json;

use crate::app_common::{ids, reply, reply_as, requestor, send_as, ticket_from};
use crate::both;
use crate::helpers::TestApp;

both!(
    needs_answer_follows_the_last_correspondence,
    |app: TestApp| async move {
        requestor(&app, "alice", "Alice Example").await;
        let a = ticket_from(&app, "alice", "Wi-Fi not working").await;
        let b = ticket_from(&app, "alice", "Persistent Storage locked").await;
        let c = ticket_from(&app, "alice", "Tor not connecting").await;

        let (s, v) = app.get_json("hushdesk/view/needs-answer").await;
        assert_eq!(s, 200, "{v}");
        assert_eq!(ids(&v), vec![a, b, c]);
        assert_eq!(v["total"], 3);
        assert_eq!(v["view"], "needs-answer");
        let first = &v["items"][0];
        assert_eq!(first["needs_answer"], true);
        assert_eq!(first["requestor"]["name"], "alice");
        assert_eq!(first["requestor"]["real_name"], "Alice Example");
        assert_eq!(first["queue"], "General");
        assert_eq!(first["language"], "en");
        assert!(first["age_seconds"].as_i64().unwrap() >= 0);
        assert_eq!(first["waiting_since"], first["created"]);

        // A supporter's reply answers; the requestor's next message makes it wait again.
        reply(&app, b, "Try your passphrase again").await;
        let (_, v) = app.get_json("hushdesk/view/needs-answer").await;
        assert_eq!(ids(&v), vec![a, c]);
        // Times are kept to the second: step past c's so b's new wait sorts after it.
        tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
        reply_as(&app, "alice", b, "Still locked").await;
        let (_, v) = app.get_json("hushdesk/view/needs-answer").await;
        // Oldest wait first: b now waits since its newest message.
        assert_eq!(ids(&v), vec![a, c, b]);
        // Resolved tickets do not wait.
        let (s, _) = app
            .put(&format!("ticket/{c}"), &json!({"Status": "resolved"}))
            .await;
        assert_eq!(s, 200);
        let (_, v) = app.get_json("hushdesk/view/needs-answer").await;
        assert_eq!(ids(&v), vec![a, b]);

        // Paging.
        let (_, v) = app
            .get_json("hushdesk/view/needs-answer?per_page=1&page=2")
            .await;
        assert_eq!(ids(&v), vec![b]);
        assert_eq!(
            (v["total"].as_i64(), v["pages"].as_i64()),
            (Some(2), Some(2))
        );

        // Sidebar: a is new, b was opened by the reply, c is resolved.
        let (s, v) = app.get_json("hushdesk/sidebar").await;
        assert_eq!(s, 200, "{v}");
        let general = v["queues"]
            .as_array()
            .unwrap()
            .iter()
            .find(|q| q["name"] == "General")
            .unwrap()
            .clone();
        assert_eq!(
            (
                general["new"].as_i64(),
                general["needs_answer"].as_i64(),
                general["open"].as_i64()
            ),
            (Some(1), Some(2), Some(1))
        );
        assert_eq!(v["poll_seconds"], 30);

        // Mine and unowned.
        let (s, _) = app.put(&format!("ticket/{a}/take"), &json!({})).await;
        assert_eq!(s, 200);
        let (_, v) = app.get_json("hushdesk/view/mine").await;
        assert_eq!(ids(&v), vec![a]);
        assert_eq!(v["items"][0]["owner"]["name"], "root");
        let (_, v) = app.get_json("hushdesk/view/unowned").await;
        assert_eq!(ids(&v), vec![b]);
        let (s, v) = app.get_json("hushdesk/view-counts").await;
        assert_eq!(s, 200);
        assert_eq!(v, json!({"needs_answer": 2, "mine": 1, "unowned": 1}));

        // Search: plain text and TicketSQL.
        let (s, v) = app.get_json("hushdesk/view/search?text=persistent").await;
        assert_eq!(s, 200, "{v}");
        assert_eq!(ids(&v), vec![b]);
        let (_, v) = app
            .get_json("hushdesk/view/search?query=Status%20%3D%20%27resolved%27")
            .await;
        assert_eq!(ids(&v), vec![c]);
        let (s, v) = app.get_json("hushdesk/view/search").await;
        assert_eq!(s, 400, "{v}");
        let (s, v) = app
            .get_json("hushdesk/view/search?query=Bogus%20%3D%201")
            .await;
        assert_eq!(s, 400, "{v}");

        // Handover: one reply and one resolution by root, three new tickets, one still unanswered.
        let (s, v) = app
            .get_json("hushdesk/handover?since=2000-01-01T00:00:00Z")
            .await;
        assert_eq!(s, 200, "{v}");
        assert_eq!(
            (v["replies"].as_i64(), v["resolved"].as_i64()),
            (Some(1), Some(1))
        );
        assert_eq!(v["new_tickets"], 3);
        assert_eq!(v["per_supporter"][0]["supporter"]["name"], "root");
        assert_eq!(v["per_supporter"].as_array().unwrap().len(), 1);
        let unanswered: Vec<i64> = v["unanswered_new"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["id"].as_i64().unwrap())
            .collect();
        assert_eq!(unanswered, vec![a]);
        let (s, v) = app.get_json("hushdesk/handover?since=yesterday-ish").await;
        assert_eq!(s, 400, "{v}");
        assert!(v["message"].as_str().unwrap().contains("since"));
        let (s, _) = app.get_json("hushdesk/handover?since=2999-01-01").await;
        assert_eq!(s, 400);
    }
);

both!(
    views_respect_rights_and_reject_bad_input,
    |app: TestApp| async move {
        requestor(&app, "alice", "Alice Example").await;
        let _ = ticket_from(&app, "alice", "Wi-Fi not working").await;
        let (s, v) = app
            .post("queue", &json!({"Name": "help-fr", "Language": "fr"}))
            .await;
        assert_eq!(s, 201, "{v}");
        app.user_with_rights("frsup", Some("help-fr"), &["SeeQueue", "ShowTicket"])
            .await;
        let (s, v) = app.get_as("frsup", "hushdesk/sidebar").await;
        assert_eq!(s, 200);
        assert_eq!(v["queues"].as_array().unwrap().len(), 1);
        assert_eq!(v["queues"][0]["name"], "help-fr");
        assert_eq!(v["queues"][0]["language"], "fr");
        let (_, v) = app.get_as("frsup", "hushdesk/view/needs-answer").await;
        assert_eq!(v["total"], 0);
        let (_, v) = app.get_json("hushdesk/view/needs-answer?language=fr").await;
        assert_eq!(v["total"], 0);
        let (_, v) = app.get_json("hushdesk/view/needs-answer?language=en").await;
        assert_eq!(v["total"], 1);

        let (s, v) = app.get_json("hushdesk/view/bogus").await;
        assert_eq!(s, 404, "{v}");
        let (s, v) = app.get_json("hushdesk/view/mine?language=english").await;
        assert_eq!(s, 400, "{v}");
        let (s, v) = app.get_json("hushdesk/view/mine?page=abc").await;
        assert_eq!(s, 400, "{v}");
        let (s, _) = send_as(
            &app,
            "nobody-here",
            reqwest::Method::GET,
            "hushdesk/sidebar",
            None,
        )
        .await;
        assert_eq!(s, 401);
        let (s, v) = app.get_json("hushdesk/me").await;
        assert_eq!(s, 200);
        assert_eq!(
            (v["superuser"].as_bool(), v["manage_answers"].as_bool()),
            (Some(true), Some(true))
        );
        let (_, v) = app.get_as("frsup", "hushdesk/me").await;
        assert_eq!(v["manage_answers"], false);
        assert_eq!(v["queues"][0]["queue"], "help-fr");
        assert_eq!(v["queues"][0]["rights"], json!(["SeeQueue", "ShowTicket"]));
    }
);

both!(
    a_merge_keeps_the_waiting_state_of_both,
    |app: TestApp| async move {
        requestor(&app, "alice", "Alice Example").await;
        let keep = ticket_from(&app, "alice", "Wi-Fi not working").await;
        reply(&app, keep, "Which card?").await;
        let dup = ticket_from(&app, "alice", "Wi-Fi still not working").await;
        let (_, v) = app.get_json("hushdesk/view/needs-answer").await;
        assert_eq!(ids(&v), vec![dup]);
        let (s, v) = app
            .put(
                &format!("ticket/{dup}"),
                &json!({"MergeInto": keep.to_string()}),
            )
            .await;
        assert_eq!(s, 200, "{v}");
        // The survivor now waits for an answer to the merged ticket's message.
        let (_, v) = app.get_json("hushdesk/view/needs-answer").await;
        assert_eq!(ids(&v), vec![keep]);
        let (_, p) = app.get_json(&format!("hushdesk/ticket/{keep}")).await;
        let created_dup = p["history"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|h| h["type"] == "Create")
            .map(|h| h["created"].clone())
            .next_back()
            .unwrap();
        assert_eq!(v["items"][0]["waiting_since"], created_dup);
        reply(&app, keep, "Use a USB adapter").await;
        let (_, v) = app.get_json("hushdesk/view/needs-answer").await;
        assert_eq!(v["total"], 0);
    }
);
