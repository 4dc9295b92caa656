//! Outgoing mail: recipients by role, threading headers and subject tag, PGP/MIME signed and
//! encrypted output, held replies to encrypted tickets, auto-replies, retries, EmailRecord.

use std::time::Duration;

use hushdesk::crypto::pgp::{self, StandardPolicy};
use hushdesk::crypto::SignatureStatus;
use mailparse::MailHeaderMap;
use sequoia_openpgp::Cert;
use serde_json::{json, Value};

use crate::helpers::TestApp;
use crate::openpgp::{
    add_user_with_key, fpr, gate, now, pgp_mime, queue_key, ticket_of, txn_of, user_key,
};
use crate::{both, both_cfg};

/// Waits until the ticket's outbox rows all left `pending`; returns them.
pub async fn settled_outbox(app: &TestApp, ticket: i64, count: usize) -> Vec<Value> {
    for _ in 0..100 {
        let (s, v) = app.get_json(&format!("ticket/{ticket}/outbox")).await;
        assert_eq!(s, 200, "{v}");
        let items = v["items"].as_array().unwrap().clone();
        if items.len() >= count && items.iter().all(|i| i["status"] != "pending") {
            return items;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("outbox of ticket {ticket} did not settle");
}

/// The spooled message with this Message-ID, and its envelope.
fn spooled(app: &TestApp, message_id: &str) -> (Vec<u8>, Value) {
    let name: String = message_id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '.' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let dir = app.data_dir.join("outbox");
    let eml = std::fs::read(dir.join(format!("{name}.eml"))).unwrap();
    let env: Value =
        serde_json::from_slice(&std::fs::read(dir.join(format!("{name}.json"))).unwrap()).unwrap();
    (eml, env)
}

fn decrypt_pgp_mime(raw: &[u8], key: &Cert, signer: &Cert) -> (Vec<u8>, SignatureStatus) {
    let parsed = mailparse::parse_mail(raw).unwrap();
    assert_eq!(parsed.ctype.mimetype, "multipart/encrypted");
    assert_eq!(parsed.ctype.params["protocol"], "application/pgp-encrypted");
    assert_eq!(parsed.subparts[0].get_body().unwrap().trim(), "Version: 1");
    let ct = parsed.subparts[1].get_body_raw().unwrap();
    let plain = pgp::decrypt(
        &StandardPolicy::new(),
        now(),
        &ct,
        &[(key.clone(), None)],
        &vec![signer.clone()],
    )
    .unwrap();
    (plain.data, plain.signature)
}

async fn set_addresses(app: &TestApp) {
    let (s, v) = app
        .put(
            "queue/General",
            &json!({"CorrespondAddress": "support@example.test", "CommentAddress": "staff@example.test"}),
        )
        .await;
    assert_eq!(s, 200, "{v}");
}

both!(
    correspondence_is_signed_and_encrypted_to_known_keys,
    |app: TestApp| async move {
        set_addresses(&app).await;
        let q = queue_key(&app, "General").await;
        let alice = user_key("Alice <alice@example.test>");
        add_user_with_key(&app, "alice@example.test", &alice).await;
        let (s, v) = app
        .post(
            "ticket",
            &json!({"Queue": "General", "Subject": "Laptop", "Content": "x",
                    "Requestor": "alice@example.test", "Cc": "dave@example.test", "AdminCc": "carol@example.test"}),
        )
        .await;
        assert_eq!(s, 201, "{v}");
        let id: i64 = v["id"]
            .as_str()
            .map(|s| s.parse().unwrap())
            .unwrap_or_else(|| v["id"].as_i64().unwrap());
        let (s, v) = app
            .post(
                &format!("ticket/{id}/correspond"),
                &json!({"Content": "Please try the new image.\n", "ContentType": "text/plain"}),
            )
            .await;
        assert_eq!(s, 201, "{v}");
        let items = settled_outbox(&app, id, 1).await;
        assert_eq!(items.len(), 1);
        let o = &items[0];
        assert_eq!(o["status"], "sent", "{o}");
        assert_eq!(o["kind"], "correspond");
        assert_eq!(o["encrypted"], true);
        assert_eq!(o["signed"], true);
        assert_eq!(o["recipients"], "dave@example.test, alice@example.test");

        // Alice (has a key) gets PGP/MIME; Dave (no key) gets a signed cleartext copy.
        let mid = o["message_id"].as_str().unwrap();
        let (eml, env) = spooled(&app, mid);
        assert_eq!(env["to"], json!(["alice@example.test"]));
        assert_eq!(env["from"], "support@example.test");
        let parsed = mailparse::parse_mail(&eml).unwrap();
        let h = &parsed.headers;
        assert_eq!(
            h.get_first_value("Subject").unwrap(),
            format!("[hushdesk #{id}] Laptop")
        );
        assert_eq!(h.get_first_value("Message-ID").unwrap(), mid);
        assert!(h
            .get_first_value("From")
            .unwrap()
            .contains("<support@example.test>"));
        assert_eq!(
            h.get_first_value("X-Loop").unwrap(),
            "hushdesk@hushdesk.local"
        );
        let (inner, sig) =
            decrypt_pgp_mime(&eml, &alice_secret(&alice), &signer_of(&app, &q).await);
        assert_eq!(
            sig,
            SignatureStatus::Good {
                fingerprint: fpr(&q)
            }
        );
        let inner = mailparse::parse_mail(&inner).unwrap();
        assert_eq!(
            inner.headers.get_first_value("Subject").unwrap(),
            format!("[hushdesk #{id}] Laptop")
        );
        assert_eq!(inner.ctype.params["protected-headers"], "v1");
        assert_eq!(
            inner.get_body().unwrap().replace("\r\n", "\n"),
            "Please try the new image.\n"
        );

        let dave_id = mid.replace('@', ".1@");
        let (eml, env) = spooled(&app, &dave_id);
        assert_eq!(env["to"], json!(["dave@example.test"]));
        let parsed = mailparse::parse_mail(&eml).unwrap();
        assert_eq!(parsed.ctype.mimetype, "multipart/signed");
        let signed = parsed.subparts[0].raw_bytes;
        let sigbytes = parsed.subparts[1].get_body_raw().unwrap();
        assert_eq!(
            pgp::verify_detached(
                &StandardPolicy::new(),
                now(),
                signed,
                &sigbytes,
                &vec![q.clone()]
            ),
            SignatureStatus::Good {
                fingerprint: fpr(&q)
            }
        );
        assert!(String::from_utf8_lossy(&eml).contains("Cc: dave@example.test"));

        // Recorded as an EmailRecord transaction holding the cleartext.
        let rec = txn_of(&app, id, "EmailRecord").await;
        assert_eq!(o["record_transaction"], json!(rec));
        // The app shows how it went out; the staff reply itself did not travel by mail.
        let (_, page) = app.get_json(&format!("hushdesk/ticket/{id}")).await;
        let entry = |kind: &str| {
            page["history"]
                .as_array()
                .unwrap()
                .iter()
                .find(|h| h["type"] == kind)
                .map(|h| h["openpgp"].clone())
        };
        assert_eq!(
            entry("EmailRecord"),
            Some(
                json!({"encrypted": true, "signature": "sent-signed", "signer": null, "undecryptable": false})
            ),
            "{page}"
        );
        assert_eq!(entry("Correspond"), Some(Value::Null), "{page}");

        // A comment goes to AdminCc only, from the comment address.
        let (s, _) = app
            .post(
                &format!("ticket/{id}/comment"),
                &json!({"Content": "internal note", "ContentType": "text/plain"}),
            )
            .await;
        assert_eq!(s, 201);
        let items = settled_outbox(&app, id, 2).await;
        let c = &items[1];
        assert_eq!(
            (c["kind"].as_str(), c["status"].as_str()),
            (Some("comment"), Some("sent")),
            "{c}"
        );
        assert_eq!(c["recipients"], "carol@example.test");
        assert_eq!(c["encrypted"], false);
        let (_, env) = spooled(&app, c["message_id"].as_str().unwrap());
        assert_eq!(env["from"], "staff@example.test");
        txn_of(&app, id, "CommentEmailRecord").await;
    }
);

fn alice_secret(c: &Cert) -> Cert {
    c.clone()
}

/// The queue's cert as stored (public part is enough to verify).
async fn signer_of(_app: &TestApp, q: &Cert) -> Cert {
    q.clone()
}

both!(
    replies_thread_and_encrypted_tickets_are_never_answered_in_plaintext,
    |app: TestApp| async move {
        let q = queue_key(&app, "General").await;
        let ct = pgp::sign_encrypt(
            &StandardPolicy::new(),
            now(),
            b"Content-Type: text/plain\r\n\r\nmy disk\r\n",
            None,
            std::slice::from_ref(&q),
        )
        .unwrap();
        let raw = pgp_mime(
            "Erin <erin@example.test>",
            "disk",
            Some("first@erin.example"),
            &ct,
        );
        let id = ticket_of(&gate(&app, "General", "correspond", &raw).await);
        let (s, _) = app
            .post(
                &format!("ticket/{id}/correspond"),
                &json!({"Content": "Which disk?", "ContentType": "text/plain"}),
            )
            .await;
        assert_eq!(s, 201);
        let items = settled_outbox(&app, id, 1).await;
        let o = &items[0];
        assert_eq!(o["status"], "held", "{o}");
        let err = o["error"].as_str().unwrap();
        assert!(err.contains("came in encrypted"), "{err}");
        assert!(err.contains("erin@example.test"), "{err}");
        assert!(
            !app.data_dir.join("outbox").exists()
                || std::fs::read_dir(app.data_dir.join("outbox"))
                    .unwrap()
                    .count()
                    == 0
        );

        // Import Erin's key and retry: now it goes out encrypted, threaded to her message.
        let erin = user_key("Erin <erin@example.test>");
        let (s, v) = app
            .post(
                "user/erin@example.test/keys",
                &json!({"armored": pgp::armor_public(&erin).unwrap()}),
            )
            .await;
        assert_eq!(s, 201, "{v}");
        let oid = o["id"].as_i64().unwrap();
        let (s, v) = app.post(&format!("outbox/{oid}/retry"), &json!({})).await;
        assert_eq!(s, 200, "{v}");
        assert_eq!(v["status"], "pending");
        let items = settled_outbox(&app, id, 1).await;
        assert_eq!(items[0]["status"], "sent", "{}", items[0]);
        assert_eq!(items[0]["encrypted"], true);
        let (eml, _) = spooled(&app, items[0]["message_id"].as_str().unwrap());
        let parsed = mailparse::parse_mail(&eml).unwrap();
        assert_eq!(
            parsed.headers.get_first_value("In-Reply-To").unwrap(),
            "<first@erin.example>"
        );
        assert!(parsed
            .headers
            .get_first_value("References")
            .unwrap()
            .contains("<first@erin.example>"));
        let (inner, _) = decrypt_pgp_mime(&eml, &erin, &q);
        assert!(String::from_utf8_lossy(&inner).contains("Which disk?"));
        let (s, v) = app.post(&format!("outbox/{oid}/retry"), &json!({})).await;
        assert_eq!(s, 409, "{v}");
        let (s, _) = app.post("outbox/999999/retry", &json!({})).await;
        assert_eq!(s, 404);

        // The requestor's reply to our mail threads into the same ticket.
        let reply = format!(
        "From: erin@example.test\r\nSubject: Re: something\r\nIn-Reply-To: {}\r\n\r\nthe big one\r\n",
        items[0]["message_id"].as_str().unwrap()
    );
        assert_eq!(
            ticket_of(&gate(&app, "General", "correspond", reply.as_bytes()).await),
            id
        );
    }
);

both!(
    autoreply_on_new_tickets_from_mail,
    |app: TestApp| async move {
        let (s, v) = app
            .put(
                "queue/General/mail-settings",
                &json!({"autoreply": true, "autoreply_text": "We got it."}),
            )
            .await;
        assert_eq!(s, 200, "{v}");
        let id = ticket_of(&gate(&app, "General", "correspond", b"From: frank@example.test\r\nSubject: help\r\nMessage-ID: <f1@example.test>\r\n\r\nplease\r\n").await);
        let items = settled_outbox(&app, id, 1).await;
        assert_eq!(items.len(), 1, "{items:?}");
        assert_eq!(items[0]["kind"], "autoreply");
        assert_eq!(items[0]["status"], "sent", "{}", items[0]);
        assert_eq!(items[0]["encrypted"], false);
        // No queue key: unsigned.
        assert_eq!(items[0]["signed"], false);
        let (eml, env) = spooled(&app, items[0]["message_id"].as_str().unwrap());
        assert_eq!(env["to"], json!(["frank@example.test"]));
        let parsed = mailparse::parse_mail(&eml).unwrap();
        assert_eq!(
            parsed.headers.get_first_value("Auto-Submitted").unwrap(),
            "auto-replied"
        );
        assert_eq!(
            parsed.headers.get_first_value("Subject").unwrap(),
            format!("[hushdesk #{id}] AutoReply: help")
        );
        assert_eq!(parsed.get_body().unwrap().trim(), "We got it.");
        // A reply from the requestor is not echoed back to them.
        ticket_of(
            &gate(
                &app,
                "General",
                "correspond",
                format!(
                    "From: frank@example.test\r\nSubject: [hushdesk #{id}] more\r\n\r\nmore\r\n"
                )
                .as_bytes(),
            )
            .await,
        );
        tokio::time::sleep(Duration::from_millis(500)).await;
        let (_, v) = app.get_json(&format!("ticket/{id}/outbox")).await;
        assert_eq!(v["items"].as_array().unwrap().len(), 1);
    }
);

fn closed_port() -> u16 {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    l.local_addr().unwrap().port()
}

both_cfg!(
    unreachable_smtp_keeps_the_message_for_retry,
    |c: &mut hushdesk::config::Config| {
        c.outbound.transport = hushdesk::mail::transport::TransportKind::Smtp;
        c.outbound.smtp_host = "127.0.0.1".into();
        c.outbound.smtp_port = Some(closed_port());
        c.outbound.smtp_security = hushdesk::mail::transport::SmtpSecurity::None;
        c.outbound.smtp_timeout_seconds = 2;
    },
    |app: TestApp| async move {
        let id = app.ticket("Mail server down", "gina@example.test").await;
        let (s, _) = app
            .post(
                &format!("ticket/{id}/correspond"),
                &json!({"Content": "hello", "ContentType": "text/plain"}),
            )
            .await;
        assert_eq!(s, 201);
        let mut last = Value::Null;
        for _ in 0..100 {
            let (_, v) = app.get_json(&format!("ticket/{id}/outbox")).await;
            last = v["items"][0].clone();
            if last["attempts"].as_i64().unwrap_or(0) >= 1 {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert_eq!(last["status"], "pending", "{last}");
        assert_eq!(last["attempts"], 1, "{last}");
        assert!(
            last["error"].as_str().unwrap().starts_with("SMTP"),
            "{last}"
        );
        assert!(last["next_attempt"].as_str().unwrap() > last["created"].as_str().unwrap());
        // Nothing recorded as sent.
        let (_, h) = app
            .get_json(&format!("ticket/{id}/history?fields=Type&per_page=100"))
            .await;
        assert!(!h["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["Type"] == "EmailRecord"));
    }
);
