//! Mail in through RT's gateway (`POST /REST/1.0/NoAuth/mail-gateway`): tickets, threading,
//! exactly-once delivery, charsets, language routing, the guard, and a corpus of bad mail.

use base64::Engine;
use serde_json::json;

use crate::both_cfg;
use crate::helpers::{Db, TestApp};
use crate::search::urlencode;

fn gateway_url(app: &TestApp) -> String {
    format!(
        "{}/REST/1.0/NoAuth/mail-gateway",
        app.base.trim_end_matches("/REST/2.0")
    )
}

/// Posts as rt-mailgate does (multipart, the message as an octet-stream file).
async fn gate_with(
    app: &TestApp,
    url: &str,
    fields: &[(&str, &str)],
    message: Vec<u8>,
) -> (u16, String, Option<String>) {
    let mut form = reqwest::multipart::Form::new();
    for (k, v) in fields {
        form = form.text(k.to_string(), v.to_string());
    }
    form = form.part(
        "message",
        reqwest::multipart::Part::bytes(message)
            .file_name("msg")
            .mime_str("application/octet-stream")
            .unwrap(),
    );
    let r = app.client.post(url).multipart(form).send().await.unwrap();
    let status = r.status().as_u16();
    let exit = r
        .headers()
        .get("X-Hushdesk-Exit")
        .map(|v| v.to_str().unwrap().to_owned());
    (status, r.text().await.unwrap(), exit)
}

async fn gate(app: &TestApp, queue: &str, action: &str, message: &[u8]) -> (u16, String) {
    let (s, body, _) = gate_with(
        app,
        &gateway_url(app),
        &[("queue", queue), ("action", action)],
        message.to_vec(),
    )
    .await;
    (s, body)
}

/// The ticket id of an `ok` answer; fails the test on anything else.
fn ticket_of(answer: &(u16, String)) -> i64 {
    assert_eq!(answer.0, 200, "{}", answer.1);
    let mut lines = answer.1.lines();
    assert_eq!(lines.next(), Some("ok"), "{}", answer.1);
    let t = lines.next().unwrap();
    t.strip_prefix("Ticket: ").unwrap().parse().unwrap()
}

pub async fn history_types(app: &TestApp, id: i64) -> Vec<String> {
    let (s, h) = app
        .get_json(&format!("ticket/{id}/history?fields=Type&per_page=100"))
        .await;
    assert_eq!(s, 200, "{h}");
    h["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["Type"].as_str().unwrap().to_owned())
        .collect()
}

/// Every attachment of a ticket: (filename, content type, decoded content).
async fn contents(app: &TestApp, id: i64) -> Vec<(String, String, Vec<u8>)> {
    let (s, list) = app
        .post(
            &format!("ticket/{id}/attachments?fields=Filename,ContentType&per_page=100"),
            &json!([]),
        )
        .await;
    assert_eq!(s, 200, "{list}");
    let mut out = Vec::new();
    for item in list["items"].as_array().unwrap() {
        let aid = item["id"].as_str().unwrap();
        let (s, a) = app.get_json(&format!("attachment/{aid}")).await;
        assert_eq!(s, 200);
        let b64: String = a["Content"]
            .as_str()
            .unwrap_or("")
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        out.push((
            item["Filename"].as_str().unwrap_or("").to_owned(),
            item["ContentType"].as_str().unwrap_or("").to_owned(),
            base64::engine::general_purpose::STANDARD
                .decode(b64)
                .unwrap(),
        ));
    }
    out
}

fn text_of(c: &[(String, String, Vec<u8>)], ct: &str) -> String {
    c.iter()
        .find(|(f, t, _)| f.is_empty() && t == ct)
        .map(|(_, _, b)| String::from_utf8(b.clone()).unwrap())
        .unwrap_or_default()
}

const FIRST: &[u8] = b"From: Alice Example <alice@example.test>\r\n\
To: support@example.test\r\n\
Subject: My laptop does not boot\r\n\
Message-ID: <first-1@example.test>\r\n\
Date: Tue, 24 Nov 2026 10:00:00 +0000\r\n\
MIME-Version: 1.0\r\n\
Content-Type: text/plain; charset=utf-8\r\n\
\r\n\
Hello, my laptop stopped booting after the upgrade. What can I do?\r\n";

both_cfg!(
    new_ticket_threading_and_exactly_once,
    |_| {},
    |app: TestApp| async move {
        let first = gate(&app, "General", "correspond", FIRST).await;
        assert!(
            first.1.contains("\nQueue: General\nAction: correspond"),
            "{}",
            first.1
        );
        let id = ticket_of(&first);
        let (s, t) = app.get_json(&format!("ticket/{id}")).await;
        assert_eq!(s, 200);
        assert_eq!(t["Subject"], "My laptop does not boot");
        assert_eq!(t["Requestor"][0]["id"], "alice@example.test");
        // The requestor is an unprivileged user created on first sight.
        let (_, u) = app.get_json("user/alice@example.test").await;
        assert_eq!(u["Privileged"], 0, "{u}");

        // The same message again (an MTA retry): same ticket, nothing stored twice.
        assert_eq!(
            ticket_of(&gate(&app, "General", "correspond", FIRST).await),
            id
        );
        assert_eq!(history_types(&app, id).await, vec!["Create"]);

        // A reply threaded by In-Reply-To only.
        let reply = b"From: alice@example.test\nSubject: Re: something else\nMessage-ID: <r2@example.test>\nIn-Reply-To: <first-1@example.test>\n\nIt still does not boot.\n";
        assert_eq!(
            ticket_of(&gate(&app, "General", "correspond", reply).await),
            id
        );
        // A reply threaded by a References chain through the reply.
        let deeper = b"From: alice@example.test\nSubject: more\nMessage-ID: <r3@example.test>\nReferences: <unknown@x> <r2@example.test>\n\nMore details.\n";
        assert_eq!(
            ticket_of(&gate(&app, "General", "correspond", deeper).await),
            id
        );
        // A reply threaded by the subject tag only, as a comment.
        let tagged = format!("From: root@example.test\nSubject: Re: [hushdesk #{id}] My laptop\nMessage-ID: <r4@example.test>\n\nInternal note.\n");
        assert_eq!(
            ticket_of(&gate(&app, "General", "correspond", tagged.as_bytes()).await),
            id
        );
        assert_eq!(
            history_types(&app, id).await,
            vec!["Create", "Correspond", "Correspond", "Correspond"]
        );
        let c = contents(&app, id).await;
        assert_eq!(
            text_of(&c, "text/plain"),
            "Hello, my laptop stopped booting after the upgrade. What can I do?\r\n"
        );

        // An unrelated message makes a new ticket.
        let other =
            b"From: bob@example.test\nSubject: other\nMessage-ID: <o1@example.test>\n\nHi\n";
        let other_id = ticket_of(&gate(&app, "General", "correspond", other).await);
        assert_ne!(other_id, id);
    }
);

both_cfg!(
    no_message_id_is_deduplicated_by_content,
    |_| {},
    |app: TestApp| async move {
        // WhisperBack sends no Message-ID; an MTA retry adds its own trace headers.
        let a = b"Received: from relay1\r\nFrom: devnull@tails.boum.org\r\nSubject: Bug report: 3fa9c\r\n\r\nreport body\r\n";
        let b = b"Received: from relay2\nReceived: from relay1\nFrom: devnull@tails.boum.org\nSubject: Bug report: 3fa9c\n\nreport body\n";
        let c = b"From: devnull@tails.boum.org\nSubject: Bug report: 77\n\nreport body\n";
        let id = ticket_of(&gate(&app, "General", "correspond", a).await);
        assert_eq!(ticket_of(&gate(&app, "General", "correspond", b).await), id);
        assert_ne!(ticket_of(&gate(&app, "General", "correspond", c).await), id);
        assert_eq!(history_types(&app, id).await, vec!["Create"]);
    }
);

both_cfg!(
    charsets_html_and_binary_parts,
    |_| {},
    |app: TestApp| async move {
        let mut msg = b"From: =?iso-8859-1?q?J=E9r=F4me?= <jerome@example.test>\n\
Subject: =?iso-8859-1?q?caf=E9_cr=E8me?=\n\
Message-ID: <cs1@example.test>\n\
MIME-Version: 1.0\n\
Content-Type: multipart/mixed; boundary=\"outer\"\n\
\n\
--outer\n\
Content-Type: multipart/alternative; boundary=\"alt\"\n\
\n\
--alt\n\
Content-Type: text/plain; charset=iso-8859-1\n\
Content-Transfer-Encoding: quoted-printable\n\
\n\
Caf=E9 cr=E8me =E0 10=80\n\
--alt\n\
Content-Type: text/html; charset=koi8-r\n\
\n"
        .to_vec();
        msg.extend_from_slice(&[0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4]); // "Привет" in KOI8-R
        msg.extend_from_slice(b"<script>alert(1)</script>\n--alt--\n--outer\nContent-Type: application/octet-stream; name=\"blob.bin\"\nContent-Disposition: attachment; filename=\"blob.bin\"\nContent-Transfer-Encoding: base64\n\nAAEC/f7/DQoNCg==\n--outer--\n");
        let id = ticket_of(&gate(&app, "General", "correspond", &msg).await);
        let (_, t) = app.get_json(&format!("ticket/{id}")).await;
        assert_eq!(t["Subject"], "café crème");
        let c = contents(&app, id).await;
        // windows-1252 superset: 0x80 is the euro sign.
        assert_eq!(text_of(&c, "text/plain"), "Café crème à 10€");
        // HTML is kept as received (decoded to UTF-8); sanitizing happens where it is shown.
        assert_eq!(text_of(&c, "text/html"), "Привет<script>alert(1)</script>");
        let blob = c.iter().find(|(f, _, _)| f == "blob.bin").unwrap();
        assert_eq!(blob.2, vec![0, 1, 2, 0xfd, 0xfe, 0xff, 13, 10, 13, 10]);
        // The containers are stored too: the whole tree.
        let types: Vec<&str> = c.iter().map(|(_, t, _)| t.as_str()).collect();
        assert_eq!(
            types,
            vec![
                "multipart/mixed",
                "multipart/alternative",
                "text/plain",
                "text/html",
                "application/octet-stream"
            ]
        );
    }
);

both_cfg!(
    language_routing_and_ticketsql,
    |c| {
        c.mail.shared = vec!["support".into()];
        c.mail.language_queues = [("de".to_string(), "support-deutsch".to_string())].into();
        c.mail.fallback_queue = "support-en".into();
    },
    |app: TestApp| async move {
        for (name, lang) in [
            ("support", None),
            ("support-fr", Some("fr")),
            ("support-deutsch", None),
            ("support-en", Some("en")),
        ] {
            let mut body = json!({ "Name": name });
            if let Some(l) = lang {
                body["Language"] = json!(l);
            }
            let (s, v) = app.post("queue", &body).await;
            assert_eq!(s, 201, "{v}");
        }
        let fr = "From: marie@example.test\nSubject: ordinateur\nMessage-ID: <fr1@x>\nContent-Type: text/plain; charset=utf-8\n\nBonjour, mon ordinateur ne démarre plus depuis la mise à jour. Pouvez-vous m'aider, s'il vous plaît ?\n\nOn Mon, support wrote:\n> Hello, please describe the problem you have with the computer in detail.\n> Thank you very much for writing to us, we will answer soon.\n-- \nMarie\n";
        let de = "From: hans@example.test\nSubject: Rechner\nMessage-ID: <de1@x>\nContent-Type: text/plain; charset=utf-8\n\nHallo, mein Rechner startet seit dem letzten Update nicht mehr. Können Sie mir bitte helfen?\n";
        let es = "From: ana@example.test\nSubject: ayuda\nMessage-ID: <es1@x>\nContent-Type: text/plain; charset=utf-8\n\nHola, mi ordenador no arranca desde la última actualización. ¿Me pueden ayudar, por favor?\n";
        let (fr_ans, de_ans, es_ans) = (
            gate(&app, "support", "correspond", fr.as_bytes()).await,
            gate(&app, "support", "correspond", de.as_bytes()).await,
            gate(&app, "support", "correspond", es.as_bytes()).await,
        );
        assert!(fr_ans.1.contains("Queue: support-fr"), "{}", fr_ans.1);
        assert!(de_ans.1.contains("Queue: support-deutsch"), "{}", de_ans.1);
        // No queue for Spanish: the fallback queue.
        assert!(es_ans.1.contains("Queue: support-en"), "{}", es_ans.1);
        // Mail to a queue that is not shared stays there, and still has its language noted.
        let general = gate(
            &app,
            "General",
            "correspond",
            fr.replace("fr1@x", "fr2@x").as_bytes(),
        )
        .await;
        assert!(general.1.contains("Queue: General"), "{}", general.1);

        let fr_id = ticket_of(&fr_ans);
        let gen_id = ticket_of(&general);
        let (s, found) = app
            .get_json(&format!("tickets?query={}", urlencode("Language = 'fr'")))
            .await;
        assert_eq!(s, 200, "{found}");
        let mut ids: Vec<i64> = found["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["id"].as_str().unwrap().parse().unwrap())
            .collect();
        ids.sort();
        assert_eq!(ids, vec![fr_id, gen_id]);
        let (_, de_found) = app
            .get_json(&format!("tickets?query={}", urlencode("Language = 'DE'")))
            .await;
        assert_eq!(de_found["count"], 1, "{de_found}");
        let (_, es_found) = app
            .get_json(&format!(
                "tickets?query={}",
                urlencode("Language = 'es' AND Queue = 'support-en'")
            ))
            .await;
        assert_eq!(es_found["count"], 1, "{es_found}");
    }
);

both_cfg!(
    guard_secret_and_client_addresses,
    |c| {
        c.mail.gateway_secret = Some("s3cret-gate".into());
        c.mail.gateway_clients = Vec::new();
    },
    |app: TestApp| async move {
        let url = gateway_url(&app);
        let fields = [("queue", "General"), ("action", "correspond")];
        let (s, body, exit) = gate_with(&app, &url, &fields, FIRST.to_vec()).await;
        assert_eq!(s, 403, "{body}");
        assert_eq!(exit.as_deref(), Some("75"));
        assert!(body.contains("secret is missing or wrong"), "{body}");
        let wrong = [("queue", "General"), ("secret", "nope")];
        assert_eq!(gate_with(&app, &url, &wrong, FIRST.to_vec()).await.0, 403);
        let right = [("queue", "General"), ("secret", "s3cret-gate")];
        let (s, body, _) = gate_with(&app, &url, &right, FIRST.to_vec()).await;
        assert_eq!(s, 200, "{body}");
        assert!(body.starts_with("ok\nTicket: "), "{body}");
        // rt-mailgate can only carry the secret in its --url.
        let root = app.base.trim_end_matches("/REST/2.0");
        let in_path = format!("{root}/mailgate/s3cret-gate/REST/1.0/NoAuth/mail-gateway");
        let (s, body, _) = gate_with(&app, &in_path, &fields, FIRST.to_vec()).await;
        assert_eq!((s, body.starts_with("ok\n")), (200, true), "{body}");
        let bad_path = format!("{root}/mailgate/guess/REST/1.0/NoAuth/mail-gateway");
        assert_eq!(
            gate_with(&app, &bad_path, &fields, FIRST.to_vec()).await.0,
            403
        );
    }
);

both_cfg!(
    clients_outside_the_list_are_refused,
    |c| c.mail.gateway_clients = vec!["192.0.2.7".into()],
    |app: TestApp| async move {
        let (s, body) = gate(&app, "General", "correspond", FIRST).await;
        assert_eq!(s, 403, "{body}");
        assert!(body.contains("client address"), "{body}");
    }
);

both_cfg!(
    refusals_carry_reasons,
    |c| c.mail.max_message_bytes = 4096,
    |app: TestApp| async move {
        let url = gateway_url(&app);
        // Too large: refused for good (65), after reading the whole upload.
        let big = [FIRST, &vec![b'x'; 10_000]].concat();
        let (s, body, exit) = gate_with(&app, &url, &[("queue", "General")], big).await;
        assert_eq!(s, 200);
        assert!(body.starts_with("not ok\nmessage too large: 10"), "{body}");
        assert_eq!(exit.as_deref(), Some("65"));
        // Unknown queue: temporary (the admin may be creating it), so the MTA retries.
        let (s, body) = gate(&app, "Nope", "correspond", FIRST).await;
        assert_eq!(s, 503, "{body}");
        assert!(body.contains("queue 'Nope' does not exist"), "{body}");
        // Unknown action.
        let (s, body) = gate(&app, "General", "explode", FIRST).await;
        assert_eq!(
            (s, body.as_str()),
            (
                200,
                "not ok\nunknown action 'explode' (expected correspond or comment)\n"
            )
        );
        // Our own mail coming back: dropped as a loop, exit 0 (no bounce).
        let own =
            b"From: support@example.test\nX-Loop: hushdesk@hushdesk.local\nSubject: x\n\nloop\n";
        let (s, body, exit) = gate_with(&app, &url, &[("queue", "General")], own.to_vec()).await;
        assert_eq!(s, 200);
        assert!(body.starts_with("not ok\nmail loop"), "{body}");
        assert_eq!(exit.as_deref(), Some("0"));
        // An empty message.
        let (s, body) = gate(&app, "General", "correspond", b"\n\n").await;
        assert_eq!((s, body.as_str()), (200, "not ok\nempty message\n"));
        // Comments need the sender's right; an unknown sender has none.
        let id = ticket_of(&gate(&app, "General", "correspond", FIRST).await);
        let comment =
            format!("From: mallory@example.test\nSubject: [hushdesk #{id}] x\n\nhidden\n");
        let (s, body, exit) = gate_with(
            &app,
            &url,
            &[("queue", "General"), ("action", "comment")],
            comment.into_bytes(),
        )
        .await;
        assert_eq!(s, 200);
        assert!(body.starts_with("not ok\npermission denied"), "{body}");
        assert_eq!(exit.as_deref(), Some("77"));
        assert_eq!(history_types(&app, id).await, vec!["Create"]);
    }
);

/// Every file of the corpus is stored (its parts readable) or refused with a reason; the
/// server never fails.
async fn deliver_corpus_file(app: &TestApp, name: &str, raw: Vec<u8>) {
    let (s, body, exit) = gate_with(
        app,
        &gateway_url(app),
        &[("queue", "General"), ("action", "correspond")],
        raw,
    )
    .await;
    assert_eq!(s, 200, "{name}: {body}");
    if body.starts_with("ok\n") {
        let id = ticket_of(&(s, body.clone()));
        let (s, t) = app.get_json(&format!("ticket/{id}")).await;
        assert_eq!(s, 200, "{name}: {t}");
        assert!(
            !contents(app, id).await.is_empty(),
            "{name}: nothing stored"
        );
    } else {
        let reason = body.strip_prefix("not ok\n").unwrap_or("");
        assert!(reason.trim().len() > 5, "{name}: no reason in {body:?}");
        assert!(
            matches!(exit.as_deref(), Some("65" | "77")),
            "{name}: {exit:?}"
        );
    }
}

fn nested(depth: usize) -> Vec<u8> {
    let mut m = String::from("From: deep@example.test\nSubject: nested\nMIME-Version: 1.0\n");
    for i in 0..depth {
        m.push_str(&format!(
            "Content-Type: multipart/mixed; boundary=\"b{i}\"\n\n--b{i}\n"
        ));
    }
    m.push_str("Content-Type: text/plain\n\nbottom\n");
    for i in (0..depth).rev() {
        m.push_str(&format!("--b{i}--\n"));
    }
    m.into_bytes()
}

both_cfg!(bad_input_corpus, |_| {}, |app: TestApp| async move {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/mail/bad");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "eml"))
        .collect();
    files.sort();
    assert!(files.len() >= 10, "corpus missing: {}", files.len());
    for f in &files {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        deliver_corpus_file(&app, &name, std::fs::read(f).unwrap()).await;
    }
    deliver_corpus_file(&app, "nested-100", nested(100)).await;
    deliver_corpus_file(&app, "nested-30", nested(30)).await;
    // 8-bit bytes straight in headers (no RFC 2047).
    let mut eight = b"From: J\xe9r\xf4me <j@example.test>\nSubject: caf\xe9 \xff\xfe\nMessage-ID: <8bit@x>\n\nbody \xe9\n".to_vec();
    eight.extend_from_slice(b"\n");
    deliver_corpus_file(&app, "8bit-headers", eight).await;
});

both_cfg!(fifty_megabytes, |_| {}, |app: TestApp| async move {
    let payload: Vec<u8> = (0..50 * 1024 * 1024 / 4 * 3)
        .map(|i| (i * 7 % 251) as u8)
        .collect();
    let b64 = base64::engine::general_purpose::STANDARD.encode(&payload);
    let mut msg = String::from("From: big@example.test\nSubject: big\nMessage-ID: <big@x>\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"B\"\n\n--B\nContent-Type: text/plain\n\nsee attached\n--B\nContent-Type: application/octet-stream; name=\"big.bin\"\nContent-Transfer-Encoding: base64\n\n");
    for line in b64.as_bytes().chunks(76) {
        msg.push_str(std::str::from_utf8(line).unwrap());
        msg.push('\n');
    }
    msg.push_str("--B--\n");
    assert!(msg.len() > 50 * 1024 * 1024);
    let id = ticket_of(&gate(&app, "General", "correspond", msg.as_bytes()).await);
    let (s, list) = app
        .post(
            &format!("ticket/{id}/attachments?fields=Filename,ContentLength"),
            &json!([{"field": "Filename", "operator": "=", "value": "big.bin"}]),
        )
        .await;
    assert_eq!(s, 200);
    assert_eq!(
        list["items"][0]["ContentLength"],
        payload.len().to_string(),
        "{list}"
    );
});

/// The auto-reply decision, straight from the pipeline (the API does not show it).
fn autoreply_decisions(db: Db) {
    use hushdesk::mail::inbound::{deliver_blocking, AutoReply, Delivery, Settings};
    use hushdesk::mail::rules::NoAutoReply;

    let dir = tempfile::tempdir().unwrap();
    let (url, _pg) = crate::helpers::fresh_database(db, dir.path());
    let mut config = hushdesk::config::Config {
        database_url: url,
        ..hushdesk::config::Config::default()
    };
    config.mail.autoreply_limit = 2;
    config.mail.autoreply_window_minutes = 60;
    let store = hushdesk::open_store(&config, &hushdesk::domain::clock::SystemClock).unwrap();
    store
        .write_blocking(|c| -> Result<(), hushdesk::domain::error::DomainError> {
            let q = hushdesk::store::queues::by_name(c, "General")?.unwrap();
            let mut s = hushdesk::crypto::keys::QueueSettings::defaults(q.id);
            s.autoreply = true;
            Ok(hushdesk::crypto::keys::save_queue_settings(c, &s)?)
        })
        .unwrap();
    let settings = Settings::from_config(&config);
    let t0 = chrono::NaiveDate::from_ymd_opt(2026, 11, 24)
        .unwrap()
        .and_hms_opt(12, 0, 0)
        .unwrap();
    let deliver = |n: usize, extra: &str, from: &str, at: chrono::NaiveDateTime| {
        let raw = format!("From: {from}\nSubject: case {n}\nMessage-ID: <ar-{n}@x>\n{extra}\nHello, this is message {n}.\n");
        deliver_blocking(
            &store,
            &settings,
            &Delivery {
                queue: Some("General".into()),
                action: hushdesk::mail::inbound::Action::Correspond,
                ticket: None,
                raw: raw.into_bytes(),
            },
            at,
        )
        .unwrap()
    };
    let user = "user@example.test";
    assert_eq!(deliver(1, "", user, t0).autoreply, AutoReply::Queued);
    assert_eq!(deliver(2, "", user, t0).autoreply, AutoReply::Queued);
    // The third new ticket from the same requester within the hour: rate limited.
    let third = deliver(3, "", user, t0 + chrono::Duration::minutes(30));
    assert!(third.created);
    assert_eq!(third.autoreply, AutoReply::RateLimited);
    // Another requester is not affected; after the window the first one is again.
    assert_eq!(
        deliver(4, "", "other@example.test", t0).autoreply,
        AutoReply::Queued
    );
    assert_eq!(
        deliver(5, "", user, t0 + chrono::Duration::minutes(61)).autoreply,
        AutoReply::Queued
    );
    let later = t0 + chrono::Duration::days(2);
    for (n, header, why) in [
        (
            6,
            "Auto-Submitted: auto-replied\n",
            NoAutoReply::AutoSubmitted,
        ),
        (7, "Precedence: bulk\n", NoAutoReply::Bulk),
        (8, "Precedence: junk\n", NoAutoReply::Bulk),
        (9, "Precedence: list\n", NoAutoReply::Bulk),
        (
            10,
            "List-Id: <users.lists.example.test>\n",
            NoAutoReply::Bulk,
        ),
    ] {
        let d = deliver(n, header, &format!("u{n}@example.test"), later);
        assert!(d.created);
        assert_eq!(d.autoreply, AutoReply::Suppressed(why), "case {n}");
    }
    let bounce = deliver(11, "", "MAILER-DAEMON@mx.example.test", later);
    assert_eq!(
        bounce.autoreply,
        AutoReply::Suppressed(NoAutoReply::MailerDaemon)
    );
    // A reply to an existing ticket never gets one.
    let reply = deliver(12, "In-Reply-To: <ar-1@x>\n", user, later);
    assert!(!reply.created);
    assert_eq!(reply.autoreply, AutoReply::NotNew);
    // Redelivery reports the first delivery and queues nothing.
    let again = deliver(1, "", user, later);
    assert!(again.duplicate);
    assert_eq!(again.autoreply, AutoReply::NotNew);
}

#[test]
fn autoreply_decisions_sqlite() {
    autoreply_decisions(Db::Sqlite);
}

#[test]
fn autoreply_decisions_postgres() {
    autoreply_decisions(Db::Postgres);
}
