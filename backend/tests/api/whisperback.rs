//! WhisperBack ingestion: the sample reports become tickets in their language's queue, with
//! the contact as requestor and their facts readable through the API.

use serde_json::{json, Value};

use crate::helpers::TestApp;
use crate::wb_samples::{ingest_all, language_queues, post_report, samples, shared_dir};
use crate::{both, both_cfg};

both!(
    samples_become_tickets_with_facts,
    |app: TestApp| async move {
        language_queues(&app).await;
        let ingested = ingest_all(&app).await;
        let mut per_queue = std::collections::BTreeMap::<String, usize>::new();
        let mut with_requestor = 0;
        for (s, ticket) in &ingested {
            let (st, t) = app
                .get_json(&format!("ticket/{ticket}?fields[Queue]=Name"))
                .await;
            assert_eq!(st, 200, "{t}");
            let expected_queue = match s.lang() {
                "fr" => "French",
                "de" => "German",
                "es" => "Spanish",
                _ => "General",
            };
            assert_eq!(t["Queue"]["Name"], expected_queue, "{}", s.name);
            *per_queue.entry(expected_queue.to_owned()).or_default() += 1;
            let requestors: Vec<String> = t["Requestor"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r["id"].as_str().unwrap().to_lowercase())
                .collect();
            match s.email() {
                Some(e) => {
                    assert_eq!(requestors, vec![e], "{}", s.name);
                    with_requestor += 1;
                }
                None => assert!(requestors.is_empty(), "{}: {requestors:?}", s.name),
            }
            let summary = s.truth["summary"].as_str().unwrap_or("");
            if !summary.is_empty() {
                assert_eq!(t["Subject"], summary.trim(), "{}", s.name);
            }

            let (st, r) = app.get_json(&format!("ticket/{ticket}/whisperback")).await;
            assert_eq!(st, 200, "{r}");
            assert_eq!(r["ticket"], json!(ticket));
            assert_eq!(r["report_id"], json!(s.hex()), "{}", s.name);
            if s.label() == "empty-report" {
                assert!(r["language"].is_null(), "no text, no language");
            } else {
                assert_eq!(r["language"], json!(s.lang()), "{}", s.name);
            }
            if s.truth["extractable"]["tails_version"] == true {
                assert_eq!(r["tails_version"], json!(s.version()), "{}", s.name);
            }
            assert_eq!(
                r["contact_email"].as_str().map(str::to_lowercase),
                s.email(),
                "{}",
                s.name
            );
            assert_eq!(
                r["size_bytes"],
                json!(s.truth["size_bytes"].as_u64().unwrap())
            );
            if s.has_debug_info() {
                let gpus: Vec<&str> = r["devices"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|d| d["role"] == "gpu")
                    .map(|d| d["key"].as_str().unwrap())
                    .collect();
                assert_eq!(gpus, s.gpus(), "{}", s.name);
                if s.truth["extractable"]["dmi"] == true {
                    // The parser normalises vendor and series names ("Dell Inc." → "Dell"); the
                    // model number stays.
                    let dmi = &s.truth["hardware"]["dmi"];
                    let model = dmi["model_key"].as_str().unwrap()
                        [dmi["manufacturer"].as_str().unwrap().len()..]
                        .trim()
                        .to_lowercase();
                    let key = r["machine_key"].as_str().unwrap_or("").to_lowercase();
                    // The truth annotates some models, e.g. "Notebook (BCM943142HM)".
                    let number = model.split(" (").next().unwrap();
                    let number = number.split_whitespace().last().unwrap();
                    assert!(key.ends_with(number), "{}: {key} / {model}", s.name);
                    assert_eq!(
                        r["machine_key"],
                        r["facts"]["hardware"]["machine"]["model_key"]
                    );
                }
                if s.truth["extractable"]["boot_usb"] == "unique" {
                    let stick = r["devices"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .find(|d| d["role"] == "usb_stick")
                        .cloned()
                        .unwrap_or(Value::Null);
                    assert_eq!(
                        stick["key"], s.truth["hardware"]["boot_usb"]["id"],
                        "{}",
                        s.name
                    );
                    assert_eq!(stick["kind"], "usb");
                }
            }
            // The whole facts are there too.
            assert_eq!(
                r["facts"]["tails"]["version"], r["tails_version"],
                "{}",
                s.name
            );
            match s.truth["openpgp_key"]["kind"].as_str().unwrap() {
                "none" => assert!(r["openpgp_key"].is_null(), "{}", s.name),
                "block" => {
                    let block = r["openpgp_key"]["key_block"].as_str().unwrap_or("");
                    assert!(
                        block.starts_with("-----BEGIN PGP PUBLIC KEY BLOCK-----"),
                        "{}: {block:.60}",
                        s.name
                    );
                    assert!(block
                        .trim_end()
                        .ends_with("-----END PGP PUBLIC KEY BLOCK-----"));
                }
                kind => assert_eq!(
                    r["openpgp_key"]["kind"],
                    kind.replace("keyid", "key_id"),
                    "{}",
                    s.name
                ),
            }
        }
        assert_eq!(ingested.len(), 48);
        let emails = samples().iter().filter(|s| s.email().is_some()).count();
        assert_eq!(with_requestor, emails);
        // Every language queue received its reports.
        assert_eq!(per_queue.len(), 4, "{per_queue:?}");

        // The user's text is the ticket's body, and the report is attached byte for byte.
        let (s, t) = (&ingested[0].0, ingested[0].1);
        let (st, atts) = app
            .get_json(&format!(
                "ticket/{t}/attachments?fields=Filename,ContentType&per_page=100"
            ))
            .await;
        assert_eq!(st, 200, "{atts}");
        let items = atts["items"].as_array().unwrap();
        let file = items
            .iter()
            .find(|a| a["Filename"] == format!("whisperback-{}.txt", s.hex()))
            .unwrap_or_else(|| panic!("no report attachment: {atts}"));
        use base64::Engine;
        let content = |a: Value| {
            let app = &app;
            async move {
                let (st, v) = app
                    .get_json(&format!("attachment/{}", a["id"].as_str().unwrap()))
                    .await;
                assert_eq!(st, 200, "{v}");
                base64::engine::general_purpose::STANDARD
                    .decode(v["Content"].as_str().unwrap().replace(['\n', '\r'], ""))
                    .unwrap()
            }
        };
        assert_eq!(content(file.clone()).await, s.body);
        let text = items
            .iter()
            .find(|a| a["ContentType"] == "text/plain" && a["Filename"].is_null())
            .unwrap_or_else(|| panic!("no text part: {atts}"));
        let body = String::from_utf8(content(text.clone()).await).unwrap();
        let (_, facts) = app.get_json(&format!("ticket/{t}/whisperback")).await;
        assert_eq!(body, facts["facts"]["user_text"]["text"].as_str().unwrap());
        assert!(
            !body.contains("======= content of"),
            "no debugging info in the body"
        );
    }
);

both!(
    same_report_twice_is_stored_once,
    |app: TestApp| async move {
        let all = samples();
        let s = &all[0];
        let (st, first) = post_report(&app, &s.body, Some(s.subject())).await;
        assert_eq!(st, 201, "{first}");
        assert_eq!(first["duplicate"], false);
        let (st, again) = post_report(&app, &s.body, Some(&s.hex())).await;
        assert_eq!(st, 200, "{again}");
        assert_eq!(again["duplicate"], true);
        assert_eq!(again["ticket"], first["ticket"]);
        assert_eq!(again["report"], first["report"]);
        // Without an id nothing says it is the same report: a new ticket.
        let (st, anon) = post_report(&app, &s.body, None).await;
        assert_eq!(st, 201, "{anon}");
        assert_ne!(anon["ticket"], first["ticket"]);
        assert!(anon["report_id"].is_null());
    }
);

both!(bad_reports_are_refused_clearly, |app: TestApp| async move {
    let (st, v) = post_report(&app, b"  \n\r\n", Some("Bug report: abc")).await;
    assert_eq!(st, 400, "{v}");
    assert_eq!(v["message"], "The report is empty");

    let eml = std::fs::read(shared_dir().join("testdata/whisperback/sample/wb-0001.pgpmime.eml"))
        .unwrap();
    let (st, v) = post_report(&app, &eml, None).await;
    assert_eq!(st, 400, "{v}");
    assert!(v["message"].as_str().unwrap().contains("encrypted"), "{v}");

    let body = &samples()[0].body;
    let (st, v) = post_report(&app, body, Some("Bug report: not-hex!")).await;
    assert_eq!(st, 400, "{v}");
    assert!(v["message"].as_str().unwrap().contains("Bug report"), "{v}");

    let r = app
        .client
        .post(app.url("whisperback"))
        .body(body.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 401);

    // A ticket without a report has no facts.
    let t = app.ticket("Plain mail", "someone@example.test").await;
    let (st, v) = app.get_json(&format!("ticket/{t}/whisperback")).await;
    assert_eq!(st, 404, "{v}");
    let (st, _) = app.get_json("ticket/999999/whisperback").await;
    assert_eq!(st, 404);
    let (st, _) = app.get_json("ticket/abc/whisperback").await;
    assert_eq!(st, 404);
});

both!(rights_apply_to_reports, |app: TestApp| async move {
    let s = &samples()[0];
    let (_, v) = post_report(&app, &s.body, Some(s.subject())).await;
    let ticket = v["ticket"].as_i64().unwrap();
    // A supporter without rights on General sees neither the ticket nor its facts...
    app.user_with_rights("outsider", Some("General"), &[]).await;
    let (st, _) = app
        .get_as("outsider", &format!("ticket/{ticket}/whisperback"))
        .await;
    assert_eq!(st, 403);
    // ...and cannot ingest into it.
    let r = app
        .client
        .post(app.url("whisperback"))
        .basic_auth("outsider", Some("password-123"))
        .body(samples()[1].body.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 403);
    // With ShowTicket, the facts are readable.
    app.user_with_rights("reader", Some("General"), &["ShowTicket"])
        .await;
    let (st, r) = app
        .get_as("reader", &format!("ticket/{ticket}/whisperback"))
        .await;
    assert_eq!(st, 200, "{r}");
    assert_eq!(r["report_id"], json!(s.hex()));
});

both_cfg!(
    reports_route_like_mail,
    |c: &mut hushdesk::config::Config| {
        c.mail.language_queues = [("fr".to_string(), "Soutien".to_string())].into();
    },
    |app: TestApp| async move {
        // `[mail] language_queues` names the French queue; another French queue exists too.
        language_queues(&app).await;
        let (s, v) = app.post("queue", &json!({"Name": "Soutien"})).await;
        assert_eq!(s, 201, "{v}");
        let s = samples()
            .into_iter()
            .find(|s| s.lang() == "fr" && s.label() != "empty-report")
            .expect("a French sample");
        let (st, v) = post_report(&app, &s.body, Some(s.subject())).await;
        assert_eq!(st, 201, "{}: {v}", s.name);
        assert_eq!(v["queue"], "Soutien", "{v}");
        assert_eq!(v["language"], "fr", "{v}");
        // A German report has no entry in the map: the German queue, by its language.
        let s = samples()
            .into_iter()
            .find(|s| s.lang() == "de" && s.label() != "empty-report")
            .expect("a German sample");
        let (st, v) = post_report(&app, &s.body, Some(s.subject())).await;
        assert_eq!(st, 201, "{}: {v}", s.name);
        assert_eq!(v["queue"], "German", "{v}");
    }
);
