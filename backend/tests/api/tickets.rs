//! Tickets through REST 2.0: lifecycle, history, watchers, links, merges, custom fields, attachments.

use base64::Engine;
use serde_json::json;

use crate::both;
use crate::helpers::TestApp;

both!(create_show_update, |app: TestApp| async move {
    let id = app.ticket("Printer on fire", "alice@example.test").await;
    let (s, t) = app
        .get_json(&format!("ticket/{id}?fields[Queue]=Name"))
        .await;
    assert_eq!(s, 200);
    assert_eq!(t["id"], json!(id));
    assert_eq!(t["Subject"], "Printer on fire");
    assert_eq!(t["Status"], "new");
    assert_eq!(t["Queue"]["Name"], "General");
    assert_eq!(t["Owner"]["id"], "Nobody");
    assert_eq!(t["Requestor"][0]["id"], "alice@example.test");
    assert_eq!(t["Resolved"], "1970-01-01T00:00:00Z");
    assert_eq!(t["Priority"], "0");

    let (s, msgs) = app
        .put(
            &format!("ticket/{id}"),
            &json!({"Status": "open", "Subject": "Printer fixed", "Priority": 5}),
        )
        .await;
    assert_eq!(s, 200);
    assert_eq!(
        msgs,
        json!([
            format!("Ticket {id}: Status changed from 'new' to 'open'"),
            format!("Ticket {id}: Subject changed from 'Printer on fire' to 'Printer fixed'"),
            format!("Ticket {id}: Priority changed from '0' to '5'"),
        ])
    );
    let (s, msgs) = app
        .put(&format!("ticket/{id}"), &json!({"Status": "bogus"}))
        .await;
    assert_eq!(s, 200);
    assert_eq!(
        msgs,
        json!([format!(
            "Ticket {id}: Status 'bogus' isn't a valid status for this ticket."
        )])
    );
    let (s, msgs) = app
        .put(&format!("ticket/{id}"), &json!({"Status": "open"}))
        .await;
    assert_eq!((s, msgs), (200, json!([])));

    let (s, msgs) = app
        .put(&format!("ticket/{id}"), &json!({"Status": "resolved"}))
        .await;
    assert_eq!(s, 200, "{msgs}");
    let (_, t) = app.get_json(&format!("ticket/{id}")).await;
    assert_ne!(t["Resolved"], "1970-01-01T00:00:00Z");
    assert_ne!(t["Started"], "1970-01-01T00:00:00Z");
});

both!(ownership_and_correspondence, |app: TestApp| async move {
    let id = app.ticket("Cannot boot", "bob@example.test").await;
    let (_, m) = app.put(&format!("ticket/{id}/take"), &json!(null)).await;
    assert_eq!(m, json!(["Owner changed from Nobody to root"]));
    let (_, m) = app.put(&format!("ticket/{id}/take"), &json!(null)).await;
    assert_eq!(m, json!(["You already own this ticket"]));
    let (_, m) = app.put(&format!("ticket/{id}/untake"), &json!(null)).await;
    assert_eq!(m, json!(["Owner changed from root to Nobody"]));
    let (_, m) = app.put(&format!("ticket/{id}/steal"), &json!(null)).await;
    assert_eq!(
        m,
        json!(["You can only steal a ticket owned by someone else"])
    );

    let (s, m) = app
        .post(
            &format!("ticket/{id}/correspond"),
            &json!({"Content": "Try the boot menu", "ContentType": "text/plain"}),
        )
        .await;
    assert_eq!((s, m), (201, json!(["Correspondence added"])));
    let (s, m) = app
        .post(
            &format!("ticket/{id}/comment"),
            &json!({"Content": "internal note", "TimeTaken": 7}),
        )
        .await;
    assert_eq!((s, m), (201, json!(["Comments added"])));
    let (_, t) = app.get_json(&format!("ticket/{id}")).await;
    // Staff correspondence opens a new ticket (RT's scrip) and sets Told.
    assert_eq!(t["Status"], "open");
    assert_ne!(t["Told"], "1970-01-01T00:00:00Z");
    assert_eq!(t["TimeWorked"], "7");
    // The reply to the requestor goes out in the background; once it has, its EmailRecord
    // joins the history after the correspondence (before or after the comment, by timing).
    crate::outbound::settled_outbox(&app, id, 1).await;

    let (s, h) = app
        .get_json(&format!(
            "ticket/{id}/history?fields=Type,Description,Creator&per_page=100"
        ))
        .await;
    assert_eq!(s, 200);
    let types: Vec<&str> = h["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["Type"].as_str().unwrap())
        .collect();
    let sent: Vec<usize> = (0..types.len())
        .filter(|&i| types[i] == "EmailRecord")
        .collect();
    assert_eq!(sent.len(), 1, "one reply went out: {types:?}");
    assert!(sent[0] > 6, "recorded after the correspondence: {types:?}");
    let recorded: Vec<&str> = types
        .iter()
        .copied()
        .filter(|t| *t != "EmailRecord")
        .collect();
    assert_eq!(
        recorded,
        [
            "Create",
            "Set",
            "SetWatcher",
            "Set",
            "SetWatcher",
            "Correspond",
            "Status",
            "Comment"
        ]
    );
    let descs: Vec<&str> = h["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["Description"].as_str().unwrap())
        .collect();
    assert_eq!(descs[0], "Ticket created");
    assert_eq!(descs[1], "Taken by root");
    assert_eq!(descs[3], "Untaken by root");
    assert_eq!(descs[6], "Status changed from 'new' to 'open'");
    assert_eq!(h["items"][6]["Creator"]["id"], "RT_System");

    let (s, m) = app
        .post("ticket/999999/correspond", &json!({"Content": "x"}))
        .await;
    assert_eq!(
        (s, m),
        (400, json!({"message": "Message could not be recorded"}))
    );
});

both!(
    attachments_round_trip_byte_exact,
    |app: TestApp| async move {
        let every_byte: Vec<u8> = (0..=255u8).chain(*b"\r\n\0end").collect();
        let form = reqwest::multipart::Form::new()
            .text(
                "JSON",
                json!({"Queue": "General", "Subject": "with file", "Content": "see attached"})
                    .to_string(),
            )
            .part(
                "Attachments",
                reqwest::multipart::Part::bytes(every_byte.clone())
                    .file_name("bytes ü.bin")
                    .mime_str("application/octet-stream")
                    .unwrap(),
            );
        let r = app
            .client
            .post(app.url("ticket"))
            .basic_auth("root", Some(crate::helpers::ADMIN_PASSWORD))
            .multipart(form)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), 201);
        let id: i64 = r.json::<serde_json::Value>().await.unwrap()["id"]
            .as_str()
            .unwrap()
            .parse()
            .unwrap();

        let inline = base64::engine::general_purpose::STANDARD.encode(b"second\x00file");
        let (s, _) = app
        .post(
            &format!("ticket/{id}/correspond"),
            &json!({"Content": "more", "Attachments": [{"FileName": "two.dat", "FileType": "application/x-two", "FileContent": inline}]}),
        )
        .await;
        assert_eq!(s, 201);

        let (s, list) = app
            .post(
                &format!("ticket/{id}/attachments?fields=Filename,ContentType,ContentLength"),
                &json!([{"field": "Filename", "operator": "IS NOT", "value": ""}]),
            )
            .await;
        assert_eq!(s, 200);
        let items = list["items"].as_array().unwrap();
        assert_eq!(items.len(), 2);
        assert_eq!(items[0]["Filename"], "bytes ü.bin");
        assert_eq!(items[0]["ContentLength"], every_byte.len().to_string());
        assert_eq!(items[1]["ContentType"], "application/x-two");

        for (item, want) in items
            .iter()
            .zip([every_byte.as_slice(), b"second\x00file".as_slice()])
        {
            let aid = item["id"].as_str().unwrap();
            let (s, a) = app.get_json(&format!("attachment/{aid}")).await;
            assert_eq!(s, 200);
            let b64: String = a["Content"]
                .as_str()
                .unwrap()
                .chars()
                .filter(|c| *c != '\n')
                .collect();
            assert_eq!(
                base64::engine::general_purpose::STANDARD
                    .decode(b64)
                    .unwrap(),
                want
            );
            assert!(a["Content"]
                .as_str()
                .unwrap()
                .lines()
                .all(|l| l.len() <= 76));
        }
        let (s, _) = app.get_json("attachment/987654").await;
        assert_eq!(s, 404);
    }
);

both!(links_merge_and_custom_fields, |app: TestApp| async move {
    let (s, v) = app
        .post(
            "customfield",
            &json!({"Name": "Severity", "Type": "Select", "Values": ["Low", "High"]}),
        )
        .await;
    assert_eq!(s, 201, "{v}");
    let a = app.ticket("first", "carol@example.test").await;
    let b = app.ticket("second", "dave@example.test").await;
    let (_, m) = app
        .put(&format!("ticket/{a}"), &json!({"AddRefersTo": b}))
        .await;
    assert_eq!(m, json!([format!("Ticket {a} refers to Ticket {b}.")]));
    let (_, tb) = app.get_json(&format!("ticket/{b}")).await;
    let refs: Vec<_> = tb["_hyperlinks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|h| h["ref"] == "referred-to-by")
        .collect();
    assert_eq!(refs.len(), 1);
    assert_eq!(refs[0]["id"], a.to_string());

    let (_, m) = app
        .put(
            &format!("ticket/{a}"),
            &json!({"CustomFields": {"Severity": "High"}}),
        )
        .await;
    assert_eq!(m, json!(["High added as a value for Severity"]));
    let (_, m) = app
        .put(
            &format!("ticket/{a}"),
            &json!({"CustomFields": {"Severity": "Low"}}),
        )
        .await;
    assert_eq!(m, json!(["Severity High changed to Low"]));
    let (_, m) = app
        .put(
            &format!("ticket/{a}"),
            &json!({"CustomFields": {"Severity": "Bogus"}}),
        )
        .await;
    assert_eq!(
        m,
        json!(["Invalid value 'Bogus' for custom field Severity"])
    );
    let (_, ta) = app.get_json(&format!("ticket/{a}")).await;
    assert_eq!(ta["CustomFields"][0]["name"], "Severity");
    assert_eq!(ta["CustomFields"][0]["values"], json!(["Low"]));

    let (_, m) = app
        .put(&format!("ticket/{b}"), &json!({"MergeInto": a}))
        .await;
    assert_eq!(m, json!(["Merge Successful"]));
    let (s, merged) = app.get_json(&format!("ticket/{b}")).await;
    assert_eq!(s, 200);
    assert_eq!(merged["id"], json!(a));
    let requestors: Vec<_> = merged["Requestor"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(requestors, ["carol@example.test", "dave@example.test"]);
    let (_, found) = app
        .get_json("tickets?query=Subject LIKE 'second' OR Subject LIKE 'first'")
        .await;
    assert_eq!(found["total"], 1);

    let (s, _) = app
        .send(
            reqwest::Method::DELETE,
            &format!("ticket/{a}"),
            &json!(null),
        )
        .await;
    assert_eq!(s, 204);
    let (_, t) = app.get_json(&format!("ticket/{a}")).await;
    assert_eq!(t["Status"], "deleted");
});

both!(queues_and_users, |app: TestApp| async move {
    let (s, v) = app
        .post(
            "queue",
            &json!({"Name": "Deutsch", "Language": "de", "Description": "German users"}),
        )
        .await;
    assert_eq!(s, 201, "{v}");
    let (s, v) = app.post("queue", &json!({"Name": "Deutsch"})).await;
    assert_eq!(s, 400, "{v}");
    let (_, m) = app
        .put("queue/Deutsch", &json!({"Description": "Deutschsprachige"}))
        .await;
    assert_eq!(
        m,
        json!(["Queue Deutsch: Description changed from \"German users\" to \"Deutschsprachige\""])
    );
    let (_, q) = app.get_json("queue/Deutsch").await;
    assert_eq!(q["Language"], "de");
    let (s, _) = app
        .send(reqwest::Method::DELETE, "queue/Deutsch", &json!(null))
        .await;
    assert_eq!(s, 204);
    let (_, all) = app.get_json("queues/all?fields=Name").await;
    assert_eq!(all["items"].as_array().unwrap().len(), 1);
    let (_, all) = app
        .get_json("queues/all?fields=Name&find_disabled_rows=1")
        .await;
    assert_eq!(all["items"].as_array().unwrap().len(), 2);

    let (s, v) = app.post("user", &json!({"Name": "agent1", "EmailAddress": "agent1@example.test", "RealName": "Agent One", "Privileged": 1})).await;
    assert_eq!((s, v["id"].clone()), (201, json!("agent1")));
    let (_, u) = app.get_json("user/agent1").await;
    assert_eq!(u["Privileged"], json!(1));
    assert_eq!(u["RealName"], "Agent One");
    let (_, m) = app
        .put(
            "user/agent1",
            &json!({"RealName": "Agent 1", "City": "Berlin"}),
        )
        .await;
    assert_eq!(
        m,
        json!(["User agent1: RealName changed from 'Agent One' to 'Agent 1'"])
    );
    let (_, u) = app.get_json("user/agent1").await;
    assert_eq!(u["City"], "Berlin");
    let (s, _) = app
        .send(reqwest::Method::DELETE, "user/agent1", &json!(null))
        .await;
    assert_eq!(s, 204);
    let (_, u) = app.get_json("user/agent1").await;
    assert_eq!(u["Disabled"], "1");
});
