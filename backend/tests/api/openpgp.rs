//! OpenPGP: the key store API, and mail through the gateway that is encrypted and/or signed
//! (PGP/MIME and inline), with its status recorded per transaction.

use std::time::{Duration, SystemTime};

use hushdesk::crypto::pgp::{self, CipherSuite, StandardPolicy};
use sequoia_openpgp::cert::CertBuilder;
use sequoia_openpgp::Cert;
use serde_json::{json, Value};

use crate::both;
use crate::helpers::TestApp;

pub fn now() -> SystemTime {
    SystemTime::now()
}

pub fn user_key(uid: &str) -> Cert {
    pgp::generate(
        uid,
        CipherSuite::Cv25519,
        now() - Duration::from_secs(60),
        None,
    )
    .unwrap()
}

pub fn fpr(c: &Cert) -> String {
    c.fingerprint().to_hex()
}

pub fn armored(c: &Cert) -> String {
    pgp::armor_public(c).unwrap()
}

/// Generates the queue's key through the API; returns its public cert.
pub async fn queue_key(app: &TestApp, queue: &str) -> Cert {
    let (s, k) = app
        .post(&format!("queue/{queue}/keys/generate"), &json!({}))
        .await;
    assert_eq!(s, 201, "{k}");
    assert_eq!(k["has_secret"], true);
    assert_eq!(k["can_sign"], true);
    assert_eq!(k["can_encrypt"], true);
    let public = k["public_key"].as_str().unwrap();
    assert!(public.starts_with("-----BEGIN PGP PUBLIC KEY BLOCK-----"));
    assert!(!public.contains("PRIVATE"));
    pgp::parse_cert(public).unwrap()
}

pub async fn add_user_with_key(app: &TestApp, email: &str, cert: &Cert) {
    let (s, v) = app
        .post("user", &json!({"Name": email, "EmailAddress": email}))
        .await;
    assert_eq!(s, 201, "{v}");
    let (s, v) = app
        .post(
            &format!("user/{email}/keys"),
            &json!({"armored": armored(cert)}),
        )
        .await;
    assert_eq!(s, 201, "{v}");
}

pub fn gateway_url(app: &TestApp) -> String {
    format!(
        "{}/REST/1.0/NoAuth/mail-gateway",
        app.base.trim_end_matches("/REST/2.0")
    )
}

/// Delivers like rt-mailgate; returns the gateway's answer.
pub async fn gate(app: &TestApp, queue: &str, action: &str, message: &[u8]) -> String {
    let form = reqwest::multipart::Form::new()
        .text("queue", queue.to_owned())
        .text("action", action.to_owned())
        .part(
            "message",
            reqwest::multipart::Part::bytes(message.to_vec())
                .file_name("msg")
                .mime_str("application/octet-stream")
                .unwrap(),
        );
    let r = app
        .client
        .post(gateway_url(app))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    r.text().await.unwrap()
}

pub fn ticket_of(answer: &str) -> i64 {
    let mut lines = answer.lines();
    assert_eq!(lines.next(), Some("ok"), "{answer}");
    lines
        .next()
        .and_then(|l| l.strip_prefix("Ticket: "))
        .and_then(|t| t.parse().ok())
        .unwrap_or_else(|| panic!("no ticket in {answer}"))
}

fn id_of(v: &Value) -> i64 {
    v.as_i64()
        .or_else(|| v.as_str().and_then(|s| s.parse().ok()))
        .unwrap()
}

/// The id of the ticket's first transaction of `kind`.
pub async fn txn_of(app: &TestApp, ticket: i64, kind: &str) -> i64 {
    let (s, h) = app
        .get_json(&format!("ticket/{ticket}/history?fields=Type&per_page=100"))
        .await;
    assert_eq!(s, 200, "{h}");
    let item = h["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["Type"] == kind)
        .unwrap_or_else(|| panic!("no {kind} in {h}"));
    id_of(&item["id"])
}

pub async fn openpgp_status(app: &TestApp, ticket: i64) -> Value {
    let txn = txn_of(app, ticket, "Create").await;
    let (s, v) = app.get_json(&format!("transaction/{txn}/openpgp")).await;
    assert_eq!(s, 200, "{v}");
    v
}

/// The text of the ticket's Create transaction.
pub async fn first_text(app: &TestApp, ticket: i64) -> String {
    let txn = txn_of(app, ticket, "Create").await;
    let (s, t) = app.get_json(&format!("transaction/{txn}")).await;
    assert_eq!(s, 200, "{t}");
    let (s, list) = app
        .post(
            &format!("ticket/{ticket}/attachments?fields=ContentType,Filename,TransactionId&per_page=100"),
            &json!([]),
        )
        .await;
    assert_eq!(s, 200, "{list}");
    for item in list["items"].as_array().unwrap() {
        if item["ContentType"] == "text/plain" && item["Filename"].as_str().unwrap_or("").is_empty()
        {
            let aid = item["id"]
                .as_str()
                .map(str::to_owned)
                .unwrap_or_else(|| item["id"].to_string());
            let (_, a) = app.get_json(&format!("attachment/{aid}")).await;
            use base64::Engine as _;
            let b64: String = a["Content"]
                .as_str()
                .unwrap_or("")
                .split_whitespace()
                .collect();
            return String::from_utf8(
                base64::engine::general_purpose::STANDARD
                    .decode(b64)
                    .unwrap(),
            )
            .unwrap();
        }
    }
    panic!("no text part in {list}");
}

pub fn pgp_mime(from: &str, subject: &str, message_id: Option<&str>, armored: &[u8]) -> Vec<u8> {
    let mid = message_id
        .map(|m| format!("Message-ID: <{m}>\r\n"))
        .unwrap_or_default();
    let mut m = format!(
        "From: {from}\r\nTo: support@example.test\r\nSubject: {subject}\r\n{mid}MIME-Version: 1.0\r\n\
         Content-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\"; boundary=\"BB\"\r\n\r\n\
         --BB\r\nContent-Type: application/pgp-encrypted\r\n\r\nVersion: 1\r\n\r\n\
         --BB\r\nContent-Type: application/octet-stream; name=\"encrypted.asc\"\r\n\r\n"
    )
    .into_bytes();
    m.extend_from_slice(armored);
    m.extend_from_slice(b"\r\n--BB--\r\n");
    m
}

pub fn signed_mime(from: &str, subject: &str, body: &str, signer: &Cert, at: SystemTime) -> String {
    let part = format!("Content-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n");
    let sig =
        pgp::sign_detached(&StandardPolicy::new(), at, part.as_bytes(), signer, None).unwrap();
    format!(
        "From: {from}\r\nSubject: {subject}\r\nMIME-Version: 1.0\r\n\
         Content-Type: multipart/signed; micalg=pgp-sha256; protocol=\"application/pgp-signature\"; boundary=\"SS\"\r\n\r\n\
         --SS\r\n{part}\r\n--SS\r\nContent-Type: application/pgp-signature\r\n\r\n{}\r\n--SS--\r\n",
        String::from_utf8_lossy(&sig)
    )
}

both!(queue_and_user_key_store, |app: TestApp| async move {
    let (s, v) = app.get_json("queue/General/keys").await;
    assert_eq!((s, v), (200, json!({"keys": []})));
    let q = queue_key(&app, "General").await;
    let (s, v) = app.get_json("queue/General/keys").await;
    assert_eq!(s, 200);
    assert_eq!(v["keys"][0]["fingerprint"], fpr(&q));
    assert_eq!(v["keys"][0]["source"], "generate");
    assert_eq!(
        v["keys"][0]["user_ids"],
        json!(["General <hushdesk@hushdesk.local>"])
    );

    // A user's keys: import (secret parts dropped), list, delete.
    let alice = user_key("Alice <alice@example.test>");
    let (s, v) = app
        .post(
            "user",
            &json!({"Name": "alice@example.test", "EmailAddress": "alice@example.test"}),
        )
        .await;
    assert_eq!(s, 201, "{v}");
    let (s, v) = app
        .post(
            "user/alice@example.test/keys",
            &json!({"armored": pgp::armor_secret(&alice).unwrap()}),
        )
        .await;
    assert_eq!(s, 201, "{v}");
    assert_eq!(v["keys"][0]["fingerprint"], fpr(&alice));
    assert_eq!(v["keys"][0]["has_secret"], false);
    let (s, v) = app.get_json("user/alice@example.test/keys").await;
    assert_eq!(s, 200);
    assert_eq!(v["keys"].as_array().unwrap().len(), 1);
    assert_eq!(v["keys"][0]["can_encrypt"], true);

    // Revocation is honoured: re-importing with the revocation merges it.
    let (cert, rev) = CertBuilder::general_purpose(Some("Rev <rev@example.test>"))
        .set_creation_time(now() - Duration::from_secs(60))
        .generate()
        .unwrap();
    let (revoked, _) = cert.clone().insert_packets(rev).unwrap();
    let (s, v) = app
        .post(
            "user/alice@example.test/keys",
            &json!({"armored": armored(&cert)}),
        )
        .await;
    assert_eq!(s, 201, "{v}");
    assert_eq!(v["keys"][0]["revoked"], false);
    let (s, v) = app
        .post(
            "user/alice@example.test/keys",
            &json!({"armored": armored(&revoked)}),
        )
        .await;
    assert_eq!(s, 201, "{v}");
    assert_eq!(v["keys"][0]["revoked"], true);
    assert_eq!(v["keys"][0]["can_encrypt"], false);

    // Expiry too.
    let (old, _) = CertBuilder::general_purpose(Some("Old <old@example.test>"))
        .set_creation_time(now() - Duration::from_secs(10 * 86400))
        .set_validity_period(Duration::from_secs(86400))
        .generate()
        .unwrap();
    let (s, v) = app
        .post(
            "user/alice@example.test/keys",
            &json!({"armored": armored(&old)}),
        )
        .await;
    assert_eq!(s, 201, "{v}");
    assert_eq!(v["keys"][0]["can_encrypt"], false);
    assert!(v["keys"][0]["expires"].as_str().unwrap().ends_with('Z'));

    let r = app
        .client
        .delete(app.url(&format!("user/alice@example.test/key/{}", fpr(&alice))))
        .basic_auth("root", Some(crate::helpers::ADMIN_PASSWORD))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 204);
    let r = app
        .client
        .delete(app.url(&format!("user/alice@example.test/key/{}", fpr(&alice))))
        .basic_auth("root", Some(crate::helpers::ADMIN_PASSWORD))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 404);
    let (_, v) = app.get_json("user/alice@example.test/keys").await;
    assert_eq!(v["keys"].as_array().unwrap().len(), 2);

    // Bad input: a clear 400.
    let (s, v) = app
        .post(
            "queue/General/keys",
            &json!({"armored": "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nnope\n"}),
        )
        .await;
    assert_eq!(s, 400, "{v}");
    assert!(
        v["message"]
            .as_str()
            .unwrap()
            .starts_with("Invalid OpenPGP key"),
        "{v}"
    );
    let (s, v) = app.post("queue/General/keys", &json!({})).await;
    assert_eq!(s, 400, "{v}");
    let (s, v) = app
        .post("queue/General/keys/generate", &json!({"cipher": "dsa512"}))
        .await;
    assert_eq!(s, 400, "{v}");
    let (s, _) = app.get_json("queue/NoSuchQueue/keys").await;
    assert_eq!(s, 404);

    // Only queue admins manage queue keys; users only their own.
    app.user_with_rights("staff", Some("General"), &["SeeQueue"])
        .await;
    let (s, _) = app.get_as("staff", "queue/General/keys").await;
    assert_eq!(s, 200);
    let r = app
        .client
        .post(app.url("queue/General/keys/generate"))
        .basic_auth("staff", Some("password-123"))
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 403);
    let (s, _) = app.get_as("staff", "user/alice@example.test/keys").await;
    assert_eq!(s, 403);
    let (s, _) = app.get_as("staff", "user/staff/keys").await;
    assert_eq!(s, 200);
});

both!(
    pgp_mime_mail_decrypts_and_verifies,
    |app: TestApp| async move {
        let q = queue_key(&app, "General").await;
        let alice = user_key("Alice <alice@example.test>");
        add_user_with_key(&app, "alice@example.test", &alice).await;
        let inner = "Content-Type: text/plain; charset=utf-8; protected-headers=\"v1\"\r\n\
                 Subject: Persistent Storage lost\r\nContent-Transfer-Encoding: 8bit\r\n\r\n\
                 My Persistent Storage is gone — aidez-moi.\r\n";
        let p = StandardPolicy::new();
        let ct = pgp::sign_encrypt(
            &p,
            now(),
            inner.as_bytes(),
            Some((&alice, None)),
            std::slice::from_ref(&q),
        )
        .unwrap();
        let raw = pgp_mime(
            "Alice <alice@example.test>",
            "...",
            Some("pgp1@example.test"),
            &ct,
        );
        let id = ticket_of(&gate(&app, "General", "correspond", &raw).await);
        let (_, t) = app.get_json(&format!("ticket/{id}")).await;
        assert_eq!(t["Subject"], "Persistent Storage lost");
        let st = openpgp_status(&app, id).await;
        assert_eq!(st["encryption"], "decrypted", "{st}");
        assert_eq!(st["encryption_detail"], fpr(&q));
        assert_eq!(st["signature"], "good", "{st}");
        assert_eq!(st["signer"], fpr(&alice));
        assert_eq!(st["protected_subject"], true);
        assert_eq!(st["unencrypted"], false);
        assert_eq!(
            first_text(&app, id).await,
            "My Persistent Storage is gone — aidez-moi.\r\n"
        );
        // The app's ticket page carries the same status on the message.
        let (s, page) = app.get_json(&format!("hushdesk/ticket/{id}")).await;
        assert_eq!(s, 200, "{page}");
        let create = page["history"]
            .as_array()
            .unwrap()
            .iter()
            .find(|h| h["type"] == "Create")
            .unwrap();
        assert_eq!(
            create["openpgp"],
            json!({"encrypted": true, "signature": "good", "signer": fpr(&alice), "undecryptable": false}),
            "{page}"
        );

        // Signed by a key we do not hold.
        let mallory = user_key("Mallory <mallory@example.test>");
        let ct = pgp::sign_encrypt(
            &p,
            now(),
            b"Content-Type: text/plain\r\n\r\nhi\r\n",
            Some((&mallory, None)),
            std::slice::from_ref(&q),
        )
        .unwrap();
        let id = ticket_of(
            &gate(
                &app,
                "General",
                "correspond",
                &pgp_mime("mallory@example.test", "unknown", None, &ct),
            )
            .await,
        );
        let st = openpgp_status(&app, id).await;
        assert_eq!(st["encryption"], "decrypted");
        assert_eq!(st["signature"], "unknown_key", "{st}");
        assert!(
            mallory
                .keys()
                .any(|k| k.key().fingerprint().to_hex() == st["signer"].as_str().unwrap()),
            "{st}"
        );
    }
);

both!(signed_mail_statuses, |app: TestApp| async move {
    let alice = user_key("Alice <alice@example.test>");
    add_user_with_key(&app, "alice@example.test", &alice).await;
    let good = signed_mime("alice@example.test", "good", "signed text", &alice, now());
    let id = ticket_of(&gate(&app, "General", "correspond", good.as_bytes()).await);
    let st = openpgp_status(&app, id).await;
    assert_eq!(
        (st["encryption"].as_str(), st["signature"].as_str()),
        (Some("none"), Some("good")),
        "{st}"
    );
    assert_eq!(first_text(&app, id).await, "signed text\r\n");

    let bad = good
        .replace("signed text", "signed t3xt")
        .replace("Subject: good", "Subject: bad");
    let id = ticket_of(&gate(&app, "General", "correspond", bad.as_bytes()).await);
    assert_eq!(openpgp_status(&app, id).await["signature"], "bad");

    // Expired: a key valid for one day, ten days ago.
    let (old, _) = CertBuilder::general_purpose(Some("Old <old@example.test>"))
        .set_creation_time(now() - Duration::from_secs(10 * 86400))
        .set_validity_period(Duration::from_secs(86400))
        .generate()
        .unwrap();
    add_user_with_key(&app, "old@example.test", &old).await;
    let msg = signed_mime(
        "old@example.test",
        "expired",
        "old text",
        &old,
        now() - Duration::from_secs(10 * 86400 - 3600),
    );
    let id = ticket_of(&gate(&app, "General", "correspond", msg.as_bytes()).await);
    let st = openpgp_status(&app, id).await;
    assert_eq!(st["signature"], "expired", "{st}");
    assert_eq!(st["signer"], fpr(&old));

    // Revoked.
    let (rv, rev) = CertBuilder::general_purpose(Some("Rev <rev@example.test>"))
        .set_creation_time(now() - Duration::from_secs(3600))
        .generate()
        .unwrap();
    let msg = signed_mime(
        "rev@example.test",
        "revoked",
        "rev text",
        &rv,
        now() - Duration::from_secs(1800),
    );
    let (revoked, _) = rv.clone().insert_packets(rev).unwrap();
    add_user_with_key(&app, "rev@example.test", &revoked).await;
    let id = ticket_of(&gate(&app, "General", "correspond", msg.as_bytes()).await);
    let st = openpgp_status(&app, id).await;
    assert_eq!(st["signature"], "revoked", "{st}");
    assert_eq!(st["signer"], fpr(&rv));
    let (_, page) = app.get_json(&format!("hushdesk/ticket/{id}")).await;
    assert_eq!(
        page["history"][0]["openpgp"],
        json!({"encrypted": false, "signature": "revoked-key", "signer": fpr(&rv), "undecryptable": false}),
        "{page}"
    );

    // Plain mail: no OpenPGP at all.
    let id = ticket_of(
        &gate(
            &app,
            "General",
            "correspond",
            b"From: p@example.test\r\nSubject: plain\r\n\r\nhello\r\n",
        )
        .await,
    );
    let st = openpgp_status(&app, id).await;
    assert_eq!(
        (st["encryption"].as_str(), st["signature"].as_str()),
        (Some("none"), Some("none"))
    );
});

both!(
    inline_pgp_and_undecryptable_mail,
    |app: TestApp| async move {
        let q = queue_key(&app, "General").await;
        let p = StandardPolicy::new();
        let ct = pgp::sign_encrypt(
            &p,
            now(),
            "Grüße, mein Laptop startet nicht.\n".as_bytes(),
            None,
            std::slice::from_ref(&q),
        )
        .unwrap();
        let raw = format!(
        "From: bob@example.test\nSubject: inline\nContent-Type: text/plain; charset=us-ascii\n\n{}\n",
        String::from_utf8_lossy(&ct)
    );
        let id = ticket_of(&gate(&app, "General", "correspond", raw.as_bytes()).await);
        let st = openpgp_status(&app, id).await;
        assert_eq!(st["encryption"], "decrypted", "{st}");
        assert_eq!(st["signature"], "none");
        assert_eq!(
            first_text(&app, id).await.trim_end(),
            "Grüße, mein Laptop startet nicht."
        );

        // Encrypted to a key the queue does not have: stored as received, with the reason.
        let other = user_key("Other <other@example.test>");
        let ct = pgp::sign_encrypt(
            &p,
            now(),
            b"Content-Type: text/plain\r\n\r\nsecret\r\n",
            None,
            &[other],
        )
        .unwrap();
        let raw = pgp_mime("carol@example.test", "for someone else", None, &ct);
        let id = ticket_of(&gate(&app, "General", "correspond", &raw).await);
        let st = openpgp_status(&app, id).await;
        assert_eq!(st["encryption"], "undecryptable", "{st}");
        assert!(
            st["encryption_detail"]
                .as_str()
                .unwrap()
                .contains("not encrypted to any of the queue's keys"),
            "{st}"
        );
        let (_, t) = app.get_json(&format!("ticket/{id}")).await;
        assert_eq!(t["Subject"], "for someone else");
    }
);

both!(
    require_encryption_flag_or_refuse,
    |app: TestApp| async move {
        let (s, v) = app.get_json("queue/General/mail-settings").await;
        assert_eq!(s, 200);
        assert_eq!(
            v,
            json!({"require_encryption": "off", "sign": true, "encrypt": true, "autoreply": false, "autoreply_text": ""})
        );
        let (s, v) = app
            .put(
                "queue/General/mail-settings",
                &json!({"require_encryption": "sometimes"}),
            )
            .await;
        assert_eq!(s, 400, "{v}");
        let (s, v) = app
            .put(
                "queue/General/mail-settings",
                &json!({"require_encryption": "flag"}),
            )
            .await;
        assert_eq!((s, v["require_encryption"].as_str()), (200, Some("flag")));
        let plain = b"From: p@example.test\r\nSubject: plain\r\n\r\nhello\r\n";
        let id = ticket_of(&gate(&app, "General", "correspond", plain).await);
        assert_eq!(openpgp_status(&app, id).await["unencrypted"], true);

        app.put(
            "queue/General/mail-settings",
            &json!({"require_encryption": "refuse"}),
        )
        .await;
        let answer = gate(
            &app,
            "General",
            "correspond",
            b"From: p@example.test\r\nSubject: plain 2\r\n\r\nhello again\r\n",
        )
        .await;
        assert!(answer.starts_with("not ok"), "{answer}");
        assert!(answer.to_lowercase().contains("encrypt"), "{answer}");
        // Encrypted mail still comes in.
        let q = queue_key(&app, "General").await;
        let ct = pgp::sign_encrypt(
            &StandardPolicy::new(),
            now(),
            b"Content-Type: text/plain\r\n\r\nok\r\n",
            None,
            &[q],
        )
        .unwrap();
        let id = ticket_of(
            &gate(
                &app,
                "General",
                "correspond",
                &pgp_mime("p@example.test", "enc", None, &ct),
            )
            .await,
        );
        assert_eq!(openpgp_status(&app, id).await["encryption"], "decrypted");
    }
);

both!(keys_are_learned_from_mail, |app: TestApp| async move {
    use base64::Engine as _;
    use sequoia_openpgp::serialize::SerializeInto;
    let bob = user_key("Bob <bob@example.test>");
    let keydata = base64::engine::general_purpose::STANDARD.encode(bob.to_vec().unwrap());
    let raw = format!(
        "From: bob@example.test\r\nAutocrypt: addr=bob@example.test; keydata={keydata}\r\nSubject: hi\r\n\r\nhello\r\n"
    );
    ticket_of(&gate(&app, "General", "correspond", raw.as_bytes()).await);
    let (s, v) = app.get_json("user/bob@example.test/keys").await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["keys"][0]["fingerprint"], fpr(&bob));
    assert_eq!(v["keys"][0]["source"], "autocrypt");

    // WhisperBack-style: a pasted key in the (encrypted) body.
    let q = queue_key(&app, "General").await;
    let carol = user_key("Carol <carol@example.test>");
    let body = format!(
        "Content-Type: text/plain; charset=us-ascii\r\n\r\nSubject: crash\r\nFrom: carol@example.test\r\n\
         OpenPGP-Key: included below\r\n\r\nIt crashed.\r\n\r\n{}\r\n",
        armored(&carol)
    );
    let ct = pgp::sign_encrypt(&StandardPolicy::new(), now(), body.as_bytes(), None, &[q]).unwrap();
    ticket_of(
        &gate(
            &app,
            "General",
            "correspond",
            &pgp_mime("carol@example.test", "Bug report: 1f2e", None, &ct),
        )
        .await,
    );
    let (s, v) = app.get_json("user/carol@example.test/keys").await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["keys"][0]["fingerprint"], fpr(&carol));
    assert_eq!(v["keys"][0]["source"], "pasted");
});

/// A signature finds its key through `openpgp_key_handles` (no parse of the whole keyring);
/// keys stored before that table existed are indexed at start; deleting a key drops its handles.
mod keys_found_by_handle {
    use super::*;
    use crate::helpers::{spawn_app_at, Db};
    use diesel::prelude::*;
    use hushdesk::domain::clock::SystemClock;
    use hushdesk::store::schema::{openpgp_key_handles, openpgp_keys};
    use std::sync::Arc;

    fn handles(store: &hushdesk::store::Store, fingerprint: &str) -> Vec<String> {
        openpgp_key_handles::table
            .inner_join(openpgp_keys::table)
            .filter(openpgp_keys::fingerprint.eq(fingerprint))
            .order(openpgp_key_handles::handle)
            .select(openpgp_key_handles::handle)
            .load(&mut *store.conn().unwrap())
            .unwrap()
    }

    async fn run(db: Db) {
        let (app, store, config) = spawn_app_at(db, |_| {}, Arc::new(SystemClock)).await;
        for i in 0..12 {
            let email = format!("other{i}@example.test");
            add_user_with_key(&app, &email, &user_key(&format!("Other <{email}>"))).await;
        }
        let alice = user_key("Alice <alice@example.test>");
        add_user_with_key(&app, "alice@example.test", &alice).await;

        // Primary key and subkeys, each by fingerprint and by key id.
        let expected = pgp::handles_of(&alice);
        assert_eq!(expected.len(), 2 * alice.keys().count(), "{expected:?}");
        let signing = alice
            .keys()
            .subkeys()
            .find(|k| {
                k.binding_signature(&StandardPolicy::new(), now())
                    .map(|s| s.key_flags().is_some_and(|f| f.for_signing()))
                    .unwrap_or(false)
            })
            .expect("a signing subkey");
        assert!(expected.contains(&signing.key().fingerprint().to_hex()));
        assert!(expected.contains(&signing.key().keyid().to_hex()));
        assert_eq!(handles(&store, &fpr(&alice)), expected);

        // A database from before the table: no handles at all. The next start indexes them.
        diesel::delete(openpgp_key_handles::table)
            .execute(&mut *store.conn().unwrap())
            .unwrap();
        assert!(handles(&store, &fpr(&alice)).is_empty());
        drop(hushdesk::open_store(&config, &SystemClock).unwrap());
        assert_eq!(handles(&store, &fpr(&alice)), expected);
        let all: i64 = openpgp_key_handles::table
            .count()
            .get_result(&mut *store.conn().unwrap())
            .unwrap();
        assert_eq!(all, 13 * expected.len() as i64);

        // The signing subkey's signature is checked against Alice's key, found by its handle.
        let msg = signed_mime(
            "alice@example.test",
            "by handle",
            "handle text",
            &alice,
            now(),
        );
        let id = ticket_of(&gate(&app, "General", "correspond", msg.as_bytes()).await);
        let st = openpgp_status(&app, id).await;
        assert_eq!(st["signature"], "good", "{st}");
        assert_eq!(st["signer"], fpr(&alice));

        // Deleted: the handles go with the key, and her signatures are from an unknown key.
        let (s, _) = app
            .send(
                reqwest::Method::DELETE,
                &format!("user/alice@example.test/key/{}", fpr(&alice)),
                &json!({}),
            )
            .await;
        assert_eq!(s, 204);
        let left: i64 = openpgp_key_handles::table
            .filter(openpgp_key_handles::handle.eq_any(&expected))
            .count()
            .get_result(&mut *store.conn().unwrap())
            .unwrap();
        assert_eq!(left, 0);
        let msg = signed_mime("alice@example.test", "deleted", "gone text", &alice, now());
        let id = ticket_of(&gate(&app, "General", "correspond", msg.as_bytes()).await);
        assert_eq!(openpgp_status(&app, id).await["signature"], "unknown_key");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn sqlite() {
        run(Db::Sqlite).await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn postgres() {
        run(Db::Postgres).await;
    }
}
